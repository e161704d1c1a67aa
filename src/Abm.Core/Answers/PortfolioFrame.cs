using Abm.Core.Domain;
using Abm.Core.Scoring;
using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Abm.Core.Answers;

/// <summary>
/// Every account's time-independent inputs to scoring, loaded at one portfolio data version:
/// the accounts, owners, fit results and deals, and all events in the compact form
/// <see cref="AesCalculator"/> scores. Immutable once loaded, so questions share it across threads.
/// </summary>
/// <remarks>
/// Events are grouped by account in <see cref="PortfolioData.Accounts"/> order and sorted by time
/// and id within each account, with contact indexes numbered in that order, exactly as
/// <see cref="EngagementScorer.Score"/> sorts and numbers them, so both give the same totals.
/// </remarks>
internal sealed class PortfolioFrame
{
    private PortfolioFrame(
        long version,
        PortfolioData data,
        string?[] ownerNames,
        FitResult[] fits,
        Opportunity[][] deals,
        AesEvent[] events,
        int[] accountStarts)
    {
        Version = version;
        Data = data;
        OwnerNames = ownerNames;
        Fits = fits;
        Deals = deals;
        Events = events;
        AccountStarts = accountStarts;
    }

    /// <summary>The portfolio data version read before any row was loaded.</summary>
    public long Version { get; }

    /// <summary>Accounts, people, opportunities, targets and parents; no events or contacts, which live compacted in <see cref="Events"/>.</summary>
    public PortfolioData Data { get; }

    public string?[] OwnerNames { get; }

    public FitResult[] Fits { get; }

    /// <summary>Each account's opportunities, by account index.</summary>
    public Opportunity[][] Deals { get; }

    public AesEvent[] Events { get; }

    /// <summary>Index in <see cref="Events"/> of each account's first event.</summary>
    public int[] AccountStarts { get; }

    /// <summary>Returns the events of the account at <paramref name="accountIndex"/>.</summary>
    public ReadOnlySpan<AesEvent> EventsOf(int accountIndex)
    {
        var start = AccountStarts[accountIndex];
        var end = accountIndex + 1 < AccountStarts.Length ? AccountStarts[accountIndex + 1] : Events.Length;
        return Events.AsSpan(start, end - start);
    }

    /// <summary>Reads the data version, then loads the columns scoring needs from every table.</summary>
    public static async Task<PortfolioFrame> LoadAsync(AbmDbContext db, FitScorer fitScorer, AesModel model, CancellationToken cancellationToken)
    {
        // The version comes first: a write that commits while the tables load bumps it past this
        // value, so the next question reloads instead of keeping a frame that missed the write.
        var version = await PortfolioVersion.ReadAsync(db, cancellationToken);

        var accounts = await db.Accounts.AsNoTracking().ToListAsync(cancellationToken);
        var people = await db.People.AsNoTracking().ToDictionaryAsync(p => p.Id, StringComparer.Ordinal, cancellationToken);
        var opportunities = await db.Opportunities.AsNoTracking().ToListAsync(cancellationToken);
        var approved = await db.TargetList.AsNoTracking()
            .Where(t => t.Status == TargetListStatus.Approved)
            .Select(t => t.AccountId)
            .ToListAsync(cancellationToken);
        var parentIds = accounts.Where(a => a.ParentAccountId is not null).Select(a => a.ParentAccountId!).ToHashSet(StringComparer.Ordinal);

        var indexes = new Dictionary<string, int>(accounts.Count, StringComparer.Ordinal);
        for (var i = 0; i < accounts.Count; i++)
        {
            indexes[accounts[i].Id] = i;
        }

        var (events, starts) = await PortfolioEvents.LoadAsync(db, indexes, model, cancellationToken);

        var ownerNames = new string?[accounts.Count];
        var fits = new FitResult[accounts.Count];
        for (var i = 0; i < accounts.Count; i++)
        {
            var account = accounts[i];
            ownerNames[i] = account.OwnerId is not null && people.TryGetValue(account.OwnerId, out var owner) ? owner.Name : null;
            fits[i] = fitScorer.Score(account, parentIds.Contains(account.Id));
        }

        var byAccount = opportunities.ToLookup(o => o.AccountId, StringComparer.Ordinal);
        var deals = accounts.Select(a => byAccount[a.Id].ToArray()).ToArray();

        var data = new PortfolioData(
            accounts,
            people,
            new Dictionary<string, Contact>(StringComparer.Ordinal),
            [],
            opportunities,
            approved.ToHashSet(StringComparer.Ordinal),
            parentIds);
        return new PortfolioFrame(version, data, ownerNames, fits, deals, events, starts);
    }
}
