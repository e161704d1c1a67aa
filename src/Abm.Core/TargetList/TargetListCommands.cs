using System.Globalization;
using System.Text;
using Abm.Core.Answers;
using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Abm.Core.TargetList;

/// <summary>Answers the target-list chat commands with replies every channel renders.</summary>
public sealed class TargetListCommands(
    TargetListService service,
    AccountRepository accounts,
    IDbContextFactory<AbmDbContext> contexts)
{
    public async Task<Reply> AnswerAsync(TargetListCommand command, Asker asker, CancellationToken cancellationToken) => command switch
    {
        ProposeCommand propose => await ProposeAsync(propose, asker, cancellationToken),
        HistoryCommand history => await HistoryAsync(history.AccountName, cancellationToken),
        PendingApprovalsCommand => await PendingAsync(asker, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown target-list command."),
    };

    private const string UnknownAsker = "Abm does not know who you are, so it cannot route your proposal. Ask an admin to import you as a person with your work email.";

    private async Task<Reply> ProposeAsync(ProposeCommand command, Asker asker, CancellationToken cancellationToken)
    {
        if (asker.PersonId is null)
        {
            return new TextReply(UnknownAsker);
        }

        var match = AccountMatcher.Match(command.Domain ?? command.AccountName, await accounts.LoadNamesAsync(cancellationToken));
        var request = match.Account is { } known && (command.Domain is null || string.Equals(known.Domain, command.Domain, StringComparison.OrdinalIgnoreCase))
            ? new ProposalRequest(known.Id, known.Name, known.Domain, command.Rationale)
            : new ProposalRequest(null, command.AccountName, command.Domain, command.Rationale);
        if (request.AccountId is null && command.Domain is null && match.Suggestions.Count > 0)
        {
            var names = string.Join(", ", match.Suggestions.Select(s => s.Name));
            return new TextReply($"No account is called \"{command.AccountName}\". Did you mean {names}? To propose a new account, add its web domain: \"add {command.AccountName} (example.com) to the target list because …\".");
        }

        var proposed = await ProposeAsync(request, asker.PersonId, cancellationToken);
        return request.AccountId is null ? proposed : proposed with { Correction = match.Correction };
    }

    /// <summary>Proposes a known account by id, as the "Propose for target list" button does.</summary>
    public async Task<Reply> ProposeAccountAsync(string accountId, string? rationale, Asker asker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(asker);
        if (asker.PersonId is null)
        {
            return new TextReply(UnknownAsker);
        }

        var names = await accounts.LoadNamesAsync(cancellationToken);
        if (names.FirstOrDefault(a => a.Id == accountId) is not { } account)
        {
            return new TextReply($"No account has the id \"{accountId}\". Propose it in chat instead: \"add <account> to the target list because …\".");
        }

        var reason = string.IsNullOrWhiteSpace(rationale) ? null : rationale.Trim();
        return await ProposeAsync(new ProposalRequest(account.Id, account.Name, account.Domain, reason), asker.PersonId, cancellationToken);
    }

    private async Task<Reply> ProposeAsync(ProposalRequest request, string requesterId, CancellationToken cancellationToken)
    {
        var result = await service.ProposeAsync(request, requesterId, cancellationToken);
        if (result.Proposal is not { } proposal)
        {
            return new TextReply(result.Error!);
        }

        var approvers = string.Join(" or ", proposal.Approvers.Select(a => a.Name));
        return new TextReply($"Proposed {proposal.AccountName} for the Target Account List (proposal #{proposal.Id}). {approvers} will decide; I will tell you the outcome.");
    }

    private async Task<Reply> HistoryAsync(string typedName, CancellationToken cancellationToken)
    {
        var match = AccountMatcher.Match(typedName, await accounts.LoadNamesAsync(cancellationToken));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Set<TargetListAuditEntry>().AsNoTracking();
        var name = match.Account?.Name ?? typedName;
        query = match.Account is { } account
            ? query.Where(e => e.AccountId == account.Id || e.AccountName == account.Name)
            : query.Where(e => e.AccountName == typedName);
        var entries = await query.OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        if (entries.Count == 0)
        {
            return new TextReply($"No target-list history for {name}. Propose it with \"add {name} to the target list because …\".")
            {
                Correction = match.Correction,
            };
        }

        var people = await NamesAsync(db, entries.Select(e => e.ActorId), cancellationToken);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Target-list history of {name}:");
        foreach (var entry in entries)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n- {DateText.DateAndTime(entry.At)} {Verb(entry.Kind)} by {people.GetValueOrDefault(entry.ActorId, entry.ActorId)}");
            if (entry.Detail is { } detail)
            {
                text.Append(CultureInfo.InvariantCulture, $": {detail}");
            }
        }

        return new TextReply(text.ToString()) { Correction = match.Correction };
    }

    private async Task<Reply> PendingAsync(Asker asker, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = await db.Set<TargetListProposal>().AsNoTracking()
            .Where(p => p.Status == ProposalStatus.Pending)
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return new TextReply("No target-list proposals wait for approval.");
        }

        var people = await NamesAsync(db, pending.SelectMany(p => p.Approvers.Append(p.RequesterId)), cancellationToken);
        var mine = pending.Count(p => asker.PersonId is { } me && p.Approvers.Contains(me, StringComparer.Ordinal));
        if (mine > 0)
        {
            await service.OfferPendingAsync(asker.PersonId!, cancellationToken);
        }

        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{pending.Count} target-list proposals wait for approval ({mine} for you):");
        foreach (var proposal in pending)
        {
            var approvers = string.Join(", ", proposal.Approvers.Select(a => people.GetValueOrDefault(a, a)));
            text.Append(CultureInfo.InvariantCulture, $"\n- #{proposal.Id} {proposal.AccountName}, proposed by {people.GetValueOrDefault(proposal.RequesterId, proposal.RequesterId)} on {DateText.Date(proposal.CreatedAt)}; approvers: {approvers}");
        }

        return new TextReply(text.ToString());
    }

    private static async Task<Dictionary<string, string>> NamesAsync(AbmDbContext db, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct(StringComparer.Ordinal).ToList();
        return await db.People.AsNoTracking().Where(p => wanted.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, StringComparer.Ordinal, cancellationToken);
    }

    private static string Verb(AuditKind kind) => kind switch
    {
        AuditKind.Proposed => "proposed",
        AuditKind.Approved => "approved",
        AuditKind.Rejected => "rejected",
        _ => "changed",
    };
}
