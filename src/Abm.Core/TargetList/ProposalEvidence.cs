using Abm.Core.Answers;
using Abm.Core.Domain;
using Abm.Core.Scoring;
using Abm.Core.Storage;
using FuzzySharp;
using Microsoft.EntityFrameworkCore;

namespace Abm.Core.TargetList;

/// <summary>Another account that may be the proposed one.</summary>
/// <param name="Why">"similar name (92)" or "same domain contoso.com".</param>
public sealed record DuplicateCandidate(string AccountId, string Name, string Why, bool IsTarget);

/// <summary>A parent or subsidiary of the proposed account that is already a target.</summary>
/// <param name="Relation">"parent" or "subsidiary".</param>
public sealed record RelatedTarget(string AccountId, string Name, string Relation);

/// <summary>What an approver needs to decide: fit, engagement, overlaps and the owner's load.</summary>
/// <param name="Engagement">Null for an account Abm does not know yet.</param>
/// <param name="OwnerTargetCount">Approved target accounts the owner already holds.</param>
public sealed record ProposalEvidence(
    FitResult Fit,
    EngagementResult? Engagement,
    IReadOnlyList<DuplicateCandidate> Duplicates,
    IReadOnlyList<RelatedTarget> RelatedTargets,
    string? OwnerId,
    string? OwnerName,
    int OwnerTargetCount);

/// <summary>Assembles <see cref="ProposalEvidence"/> from the database and the scoring core, as of now.</summary>
public sealed class EvidenceBuilder(
    IDbContextFactory<AbmDbContext> contexts,
    AccountRepository repository,
    AccountAnalyzer analyzer,
    FitScorer fitScorer,
    TargetListOptions options,
    TimeProvider time)
{
    /// <summary>Builds the evidence for a known account (<paramref name="accountId"/>) or for a name and domain.</summary>
    public async Task<ProposalEvidence> BuildAsync(string? accountId, string name, string? domain, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var targets = (await db.TargetList.AsNoTracking()
            .Where(t => t.Status == TargetListStatus.Approved)
            .Select(t => t.AccountId)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

        FitResult fit;
        EngagementResult? engagement = null;
        Account? account = null;
        if (accountId is not null && await repository.LoadAccountAsync(accountId, cancellationToken) is { } data)
        {
            var snapshot = analyzer.Analyze(data, time.GetUtcNow())[0];
            (fit, engagement, account) = (snapshot.Fit, snapshot.Engagement, snapshot.Account);
        }
        else
        {
            fit = fitScorer.Score(new Account { Id = string.Empty, Name = name, Domain = domain });
        }

        var duplicates = await FindDuplicatesAsync(db, accountId, name, domain ?? account?.Domain, targets, cancellationToken);
        var related = await FindRelatedTargetsAsync(db, account, targets, cancellationToken);

        string? ownerName = null;
        var ownerTargets = 0;
        if (account?.OwnerId is { } ownerId)
        {
            ownerName = await db.People.AsNoTracking().Where(p => p.Id == ownerId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken);
            var owned = await db.Accounts.AsNoTracking().Where(a => a.OwnerId == ownerId).Select(a => a.Id).ToListAsync(cancellationToken);
            ownerTargets = owned.Count(targets.Contains);
        }

        return new ProposalEvidence(fit, engagement, duplicates, related, account?.OwnerId, ownerName, ownerTargets);
    }

    private async Task<IReadOnlyList<DuplicateCandidate>> FindDuplicatesAsync(
        AbmDbContext db, string? accountId, string name, string? domain, HashSet<string> targets, CancellationToken cancellationToken)
    {
        var names = await db.Accounts.AsNoTracking().Where(a => a.Id != accountId)
            .Select(a => new { a.Id, a.Name, a.Domain })
            .ToListAsync(cancellationToken);
        var typed = AccountMatcher.Normalise(name);
        var candidates = new List<(DuplicateCandidate Candidate, int Rank)>();
        foreach (var other in names)
        {
            if (domain is not null && string.Equals(other.Domain, domain, StringComparison.OrdinalIgnoreCase))
            {
                candidates.Add((new DuplicateCandidate(other.Id, other.Name, $"same domain {domain}", targets.Contains(other.Id)), 101));
                continue;
            }

            var similarity = Fuzz.Ratio(typed, AccountMatcher.Normalise(other.Name));
            if (similarity >= options.DuplicateSimilarity)
            {
                candidates.Add((new DuplicateCandidate(other.Id, other.Name, $"similar name ({similarity})", targets.Contains(other.Id)), similarity));
            }
        }

        return candidates.OrderByDescending(c => c.Rank).ThenBy(c => c.Candidate.Name, StringComparer.OrdinalIgnoreCase)
            .Take(5).Select(c => c.Candidate).ToList();
    }

    private static async Task<IReadOnlyList<RelatedTarget>> FindRelatedTargetsAsync(
        AbmDbContext db, Account? account, HashSet<string> targets, CancellationToken cancellationToken)
    {
        if (account is null)
        {
            return [];
        }

        var related = new List<RelatedTarget>();
        if (account.ParentAccountId is { } parentId && targets.Contains(parentId)
            && await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == parentId, cancellationToken) is { } parent)
        {
            related.Add(new RelatedTarget(parent.Id, parent.Name, "parent"));
        }

        var children = await db.Accounts.AsNoTracking().Where(a => a.ParentAccountId == account.Id)
            .Select(a => new { a.Id, a.Name })
            .ToListAsync(cancellationToken);
        related.AddRange(children.Where(c => targets.Contains(c.Id))
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .Select(c => new RelatedTarget(c.Id, c.Name, "subsidiary")));
        return related;
    }
}
