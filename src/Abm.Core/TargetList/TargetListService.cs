using Abm.Core.Domain;
using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Abm.Core.TargetList;

/// <summary>The account a proposal names: a known account, or a name and web domain.</summary>
public sealed record ProposalRequest(string? AccountId, string AccountName, string? AccountDomain, string? Rationale);

/// <summary>The result of a proposal: the new proposal, or why none was made.</summary>
public sealed record ProposeResult(ProposalView? Proposal, string? Error);

/// <summary>What an approver decides.</summary>
/// <param name="RejectReason">Required to reject.</param>
public sealed record Decision(bool Approve, RejectReason? RejectReason, string? Comment);

/// <summary>How a decision attempt ended.</summary>
public enum DecisionOutcome
{
    /// <summary>This attempt decided the proposal.</summary>
    Decided,

    /// <summary>Someone decided first; nothing changed.</summary>
    AlreadyDecided,

    /// <summary>The person may not decide; nothing changed.</summary>
    NotApprover,

    /// <summary>Rejecting needs a reason code; nothing changed.</summary>
    ReasonMissing,

    NotFound,
}

/// <summary>The outcome of a decision attempt and the proposal as it stands afterwards.</summary>
public sealed record DecisionResult(DecisionOutcome Outcome, ProposalView? Proposal);

/// <summary>
/// The Target Account List workflow: propose, decide (first decision wins, enforced by the
/// database), and the audit trail. Channels call it; <see cref="IApprovalNotifier"/> carries the cards.
/// </summary>
public sealed class TargetListService(
    IDbContextFactory<AbmDbContext> contexts,
    EvidenceBuilder evidence,
    TargetListOptions options,
    IApprovalNotifier notifier,
    TimeProvider time,
    ILogger<TargetListService> logger)
{
    public async Task<ProposeResult> ProposeAsync(ProposalRequest request, string requesterId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var requester = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == requesterId, cancellationToken);
        if (requester is null)
        {
            return new(null, "Abm does not know you yet, so it cannot route your proposal. Ask an admin to import you as a person with your work email.");
        }

        if (request.AccountId is null && string.IsNullOrWhiteSpace(request.AccountDomain))
        {
            return new(null, $"Abm does not know \"{request.AccountName}\". Propose it with its web domain, such as \"add {request.AccountName} (example.com) to the target list because …\".");
        }

        if (request.AccountId is { } accountId)
        {
            var entry = await db.TargetList.AsNoTracking().SingleOrDefaultAsync(t => t.AccountId == accountId, cancellationToken);
            if (entry?.Status == TargetListStatus.Approved)
            {
                return new(null, $"{request.AccountName} is already on the Target Account List.");
            }
        }

        var domain = request.AccountDomain?.Trim().ToLowerInvariant();
        var accountKey = AccountKeyOf(request.AccountId, domain, request.AccountName);
        if (await PendingIdAsync(db, request.AccountId, domain, accountKey, cancellationToken) is { } pendingId)
        {
            return new(null, AlreadyWaits(request.AccountName, pendingId));
        }

        var approvers = await ResolveApproversAsync(db, requester, cancellationToken);
        if (approvers.Count == 0)
        {
            return new(null, $"No approver is set for {requester.Name}: give them a manager in Abm, or set {TargetListOptions.SectionName}:ApprovalChannel and {TargetListOptions.SectionName}:ApproverIds.");
        }

        var now = time.GetUtcNow();
        var proposal = new TargetListProposal
        {
            AccountId = request.AccountId,
            AccountName = request.AccountName.Trim(),
            AccountDomain = domain,
            AccountKey = accountKey,
            RequesterId = requester.Id,
            Rationale = request.Rationale?.Trim(),
            ApproverIds = string.Join(';', approvers),
            Status = ProposalStatus.Pending,
            CreatedAt = now,
        };
        db.Add(proposal);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique index on pending proposals rejected the row because a concurrent
            // proposal of the same account (another message or instance) was saved first.
            await using var check = await contexts.CreateDbContextAsync(cancellationToken);
            if (await PendingIdAsync(check, request.AccountId, domain, accountKey, cancellationToken) is { } winnerId)
            {
                Log.ProposalLostRace(logger, winnerId);
                return new(null, AlreadyWaits(request.AccountName, winnerId));
            }

            throw;
        }

        db.Add(new TargetListAuditEntry
        {
            ProposalId = proposal.Id,
            AccountId = proposal.AccountId,
            AccountName = proposal.AccountName,
            Kind = AuditKind.Proposed,
            ActorId = requester.Id,
            At = now,
            Detail = proposal.Rationale,
        });
        await db.SaveChangesAsync(cancellationToken);
        Log.ProposalCreated(logger, proposal.Id, approvers.Count);

        var view = (await GetAsync(proposal.Id, cancellationToken))!;
        await notifier.ProposalCreatedAsync(view, cancellationToken);
        return new(view, null);
    }

    /// <summary>
    /// Decides a pending proposal. Only an approver may decide, and only the first decision
    /// counts: the status change is one conditional UPDATE (Pending and the version read),
    /// so concurrent deciders on any number of bot instances see exactly one success.
    /// </summary>
    public async Task<DecisionResult> DecideAsync(long proposalId, string? deciderId, Decision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var proposal = await db.Set<TargetListProposal>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == proposalId, cancellationToken);
        if (proposal is null)
        {
            return new(DecisionOutcome.NotFound, null);
        }

        if (deciderId is null || !proposal.Approvers.Contains(deciderId, StringComparer.Ordinal))
        {
            Log.NotApprover(logger, proposalId);
            return new(DecisionOutcome.NotApprover, await GetAsync(proposalId, cancellationToken));
        }

        if (proposal.Status != ProposalStatus.Pending)
        {
            return new(DecisionOutcome.AlreadyDecided, await GetAsync(proposalId, cancellationToken));
        }

        if (!decision.Approve && decision.RejectReason is null)
        {
            return new(DecisionOutcome.ReasonMissing, await GetAsync(proposalId, cancellationToken));
        }

        var now = time.GetUtcNow();
        var status = decision.Approve ? ProposalStatus.Approved : ProposalStatus.Rejected;
        var comment = string.IsNullOrWhiteSpace(decision.Comment) ? null : decision.Comment.Trim();
        var reason = decision.Approve ? null : decision.RejectReason;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var version = proposal.Version;
            var changed = await db.Set<TargetListProposal>()
                .Where(p => p.Id == proposalId && p.Status == ProposalStatus.Pending && p.Version == version)
                .ExecuteUpdateAsync(
                    set => set.SetProperty(p => p.Status, status)
                        .SetProperty(p => p.DeciderId, deciderId)
                        .SetProperty(p => p.DecidedAt, now)
                        .SetProperty(p => p.RejectReason, reason)
                        .SetProperty(p => p.DecisionComment, comment)
                        .SetProperty(p => p.Version, version + 1),
                    cancellationToken);
            if (changed == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                Log.DecisionLost(logger, proposalId);
                return new(DecisionOutcome.AlreadyDecided, await GetAsync(proposalId, cancellationToken));
            }

            var accountId = proposal.AccountId;
            if (decision.Approve)
            {
                accountId = await PutOnListAsync(db, proposal, deciderId, now, cancellationToken);
            }

            db.Add(new TargetListAuditEntry
            {
                ProposalId = proposalId,
                AccountId = accountId,
                AccountName = proposal.AccountName,
                Kind = decision.Approve ? AuditKind.Approved : AuditKind.Rejected,
                ActorId = deciderId,
                At = now,
                Detail = DecisionDetail(reason, comment),
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        Log.ProposalDecided(logger, proposalId, status);
        var view = (await GetAsync(proposalId, cancellationToken))!;
        await notifier.ProposalDecidedAsync(view, cancellationToken);
        return new(DecisionOutcome.Decided, view);
    }

    /// <summary>Sends an approver the cards of the pending proposals they decide, where a card never reached them.</summary>
    public async Task OfferPendingAsync(string approverId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = await db.Set<TargetListProposal>().AsNoTracking()
            .Where(p => p.Status == ProposalStatus.Pending)
            .OrderBy(p => p.Id)
            .ToListAsync(cancellationToken);
        var views = new List<ProposalView>();
        foreach (var proposal in pending.Where(p => p.Approvers.Contains(approverId, StringComparer.Ordinal)))
        {
            if (await GetAsync(proposal.Id, cancellationToken) is { } view)
            {
                views.Add(view);
            }
        }

        if (views.Count > 0)
        {
            await notifier.SendMissedCardsAsync(views, approverId, cancellationToken);
        }
    }

    /// <summary>Loads a proposal with names and fresh evidence, or null.</summary>
    public async Task<ProposalView?> GetAsync(long proposalId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var proposal = await db.Set<TargetListProposal>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == proposalId, cancellationToken);
        if (proposal is null)
        {
            return null;
        }

        var ids = proposal.Approvers.Append(proposal.RequesterId).Append(proposal.DeciderId ?? string.Empty).ToList();
        var names = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        PersonRef Ref(string id) => new(id, names.GetValueOrDefault(id, id));
        var found = await evidence.BuildAsync(proposal.AccountId, proposal.AccountName, proposal.AccountDomain, cancellationToken);
        return new ProposalView(
            proposal.Id,
            proposal.AccountId,
            proposal.AccountName,
            proposal.AccountDomain,
            Ref(proposal.RequesterId),
            proposal.Rationale,
            proposal.Approvers.Select(Ref).ToList(),
            proposal.Status,
            proposal.CreatedAt,
            proposal.DeciderId is { } decider ? Ref(decider) : null,
            proposal.DecidedAt,
            proposal.RejectReason,
            proposal.DecisionComment,
            found);
    }

    /// <summary>Records a chat message that shows a proposal, so decisions update it in place.</summary>
    public async Task AddMessageAsync(long proposalId, string channel, string conversationId, string messageId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Add(new ProposalMessage { ProposalId = proposalId, Channel = channel, ConversationId = conversationId, MessageId = messageId });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ProposalMessage>> MessagesAsync(long proposalId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<ProposalMessage>().AsNoTracking().Where(m => m.ProposalId == proposalId).OrderBy(m => m.Id).ToListAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<string>> ResolveApproversAsync(AbmDbContext db, Person requester, CancellationToken cancellationToken)
    {
        if (options.ApprovalChannel is not null)
        {
            if (options.ApproverIds.Count > 0)
            {
                return options.ApproverIds.Where(id => id != requester.Id).ToList();
            }

            return await db.People.AsNoTracking()
                .Where(p => (p.Role == PersonRole.Manager || p.Role == PersonRole.Executive) && p.Id != requester.Id)
                .OrderBy(p => p.Id)
                .Select(p => p.Id)
                .ToListAsync(cancellationToken);
        }

        return requester.ManagerId is { } manager && manager != requester.Id ? [manager] : [];
    }

    /// <summary>Builds <see cref="TargetListProposal.AccountKey"/>. The domain must already be lower case.</summary>
    internal static string AccountKeyOf(string? accountId, string? domain, string accountName) =>
        accountId ?? (string.IsNullOrEmpty(domain) ? "name:" + accountName.Trim().ToLowerInvariant() : "domain:" + domain);

    private static string AlreadyWaits(string accountName, long proposalId) =>
        $"{accountName} already waits for approval (proposal #{proposalId}). Type \"pending approvals\" to see it.";

    private static Task<long?> PendingIdAsync(AbmDbContext db, string? accountId, string? domain, string accountKey, CancellationToken cancellationToken) =>
        db.Set<TargetListProposal>().AsNoTracking()
            .Where(p => p.Status == ProposalStatus.Pending)
            .Where(p => p.AccountKey == accountKey || (accountId != null ? p.AccountId == accountId : p.AccountDomain == domain))
            .Select(p => (long?)p.Id)
            .FirstOrDefaultAsync(cancellationToken);

    private static async Task<string> PutOnListAsync(AbmDbContext db, TargetListProposal proposal, string deciderId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var accountId = proposal.AccountId;
        if (accountId is null)
        {
            // An account with the proposed domain may exist by now (imported, or created by an
            // earlier approval), so approval links to it instead of creating a second one.
            var domain = proposal.AccountDomain;
#pragma warning disable CA1862 // EF Core translates ToLower to SQL, but not string.Equals with a StringComparison.
            var existing = string.IsNullOrEmpty(domain)
                ? null
                : await db.Accounts.AsNoTracking().Where(a => a.Domain != null && a.Domain.ToLower() == domain)
                    .OrderBy(a => a.Id).Select(a => a.Id).FirstOrDefaultAsync(cancellationToken);
#pragma warning restore CA1862
            accountId = existing ?? $"tal-{proposal.Id}";
            if (existing is null)
            {
                db.Accounts.Add(new Account { Id = accountId, Name = proposal.AccountName, Domain = domain, OwnerId = proposal.RequesterId, Source = "target-list" });
            }

            await db.Set<TargetListProposal>().Where(p => p.Id == proposal.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.AccountId, accountId), cancellationToken);
        }

        var entry = await db.TargetList.SingleOrDefaultAsync(t => t.AccountId == accountId, cancellationToken);
        if (entry is null)
        {
            entry = new TargetListEntry { AccountId = accountId };
            db.TargetList.Add(entry);
        }

        entry.Status = TargetListStatus.Approved;
        entry.ChangedAt = now;
        entry.ChangedById = deciderId;
        entry.Reason = proposal.Rationale;
        return accountId;
    }

    private static string? DecisionDetail(RejectReason? reason, string? comment) =>
        (reason, comment) switch
        {
            (null, null) => null,
            (null, { } text) => text,
            ({ } code, null) => RejectReasonText.Of(code),
            ({ } code, { } text) => $"{RejectReasonText.Of(code)}: {text}",
        };
}
