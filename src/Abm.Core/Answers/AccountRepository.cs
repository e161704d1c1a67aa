using Abm.Core.Domain;
using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Abm.Core.Answers;

/// <summary>The rows one answer needs, loaded once: accounts with their events, contacts, deals and owners.</summary>
/// <param name="ParentIds">Ids of accounts that other accounts name as their parent.</param>
/// <param name="ApprovedTargets">Ids of accounts with an approved target-list entry.</param>
public sealed record PortfolioData(
    IReadOnlyList<Account> Accounts,
    IReadOnlyDictionary<string, Person> People,
    IReadOnlyDictionary<string, Contact> Contacts,
    IReadOnlyList<EngagementEvent> Events,
    IReadOnlyList<Opportunity> Opportunities,
    IReadOnlySet<string> ApprovedTargets,
    IReadOnlySet<string> ParentIds);

/// <summary>
/// Loads accounts and what scoring needs from the database, with provider-neutral EF Core
/// queries that run on SQLite and PostgreSQL. Each call uses its own short-lived context, so
/// the repository is safe to share.
/// </summary>
public sealed class AccountRepository(IDbContextFactory<AbmDbContext> contexts)
{
    /// <summary>Loads the id, name and domain of every account, for name matching.</summary>
    public async Task<IReadOnlyList<AccountName>> LoadNamesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Accounts.AsNoTracking()
            .OrderBy(a => a.Name)
            .Select(a => new AccountName(a.Id, a.Name, a.Domain))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Loads one account and its rows, or returns null when no account has the id.</summary>
    public async Task<PortfolioData?> LoadAccountAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null)
        {
            return null;
        }

        var contacts = await db.Contacts.AsNoTracking().Where(c => c.AccountId == accountId).ToListAsync(cancellationToken);
        var events = await db.Events.AsNoTracking().Where(e => e.AccountId == accountId).ToListAsync(cancellationToken);
        var opportunities = await db.Opportunities.AsNoTracking().Where(o => o.AccountId == accountId).ToListAsync(cancellationToken);
        var approved = await db.TargetList.AsNoTracking()
            .AnyAsync(t => t.AccountId == accountId && t.Status == TargetListStatus.Approved, cancellationToken);
        var isParent = await db.Accounts.AsNoTracking().AnyAsync(a => a.ParentAccountId == accountId, cancellationToken);
        var people = account.OwnerId is null
            ? []
            : await db.People.AsNoTracking().Where(p => p.Id == account.OwnerId).ToListAsync(cancellationToken);

        return new PortfolioData(
            [account],
            people.ToDictionary(p => p.Id, StringComparer.Ordinal),
            contacts.ToDictionary(c => c.Id, StringComparer.Ordinal),
            events,
            opportunities,
            approved ? new HashSet<string>(StringComparer.Ordinal) { accountId } : new HashSet<string>(StringComparer.Ordinal),
            isParent ? new HashSet<string>(StringComparer.Ordinal) { accountId } : new HashSet<string>(StringComparer.Ordinal));
    }

    /// <summary>
    /// Loads every account with all its rows in one pass per table, for ranked lists, changes
    /// and funnels. Sized for thousands of accounts and a few hundred thousand events.
    /// </summary>
    public async Task<PortfolioData> LoadAllAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var accounts = await db.Accounts.AsNoTracking().ToListAsync(cancellationToken);
        var people = await db.People.AsNoTracking().ToListAsync(cancellationToken);
        var contacts = await db.Contacts.AsNoTracking().ToListAsync(cancellationToken);
        var events = await db.Events.AsNoTracking().ToListAsync(cancellationToken);
        var opportunities = await db.Opportunities.AsNoTracking().ToListAsync(cancellationToken);
        var approved = await db.TargetList.AsNoTracking()
            .Where(t => t.Status == TargetListStatus.Approved)
            .Select(t => t.AccountId)
            .ToListAsync(cancellationToken);

        return new PortfolioData(
            accounts,
            people.ToDictionary(p => p.Id, StringComparer.Ordinal),
            contacts.ToDictionary(c => c.Id, StringComparer.Ordinal),
            events,
            opportunities,
            approved.ToHashSet(StringComparer.Ordinal),
            accounts.Where(a => a.ParentAccountId is not null).Select(a => a.ParentAccountId!).ToHashSet(StringComparer.Ordinal));
    }
}
