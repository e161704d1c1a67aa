using Abm.Core.Domain;
using Abm.Core.Scoring;

namespace Abm.Core.Answers;

/// <summary>One account with its scores and stage as of an instant.</summary>
public sealed record AccountSnapshot(
    Account Account,
    string? OwnerName,
    bool IsTarget,
    FitResult Fit,
    EngagementResult Engagement,
    FunnelStage Stage,
    decimal OpenPipelineUsd,
    int OpenOpportunities,
    decimal WonUsd)
{
    public AccountRow ToRow() => new(
        Account.Id,
        Account.Name,
        Engagement.Score,
        Engagement.Band,
        Engagement.Change7Days,
        Fit.Score,
        Fit.Tier,
        Stage,
        OwnerName);

    public FunnelAccount ToFunnelAccount() => new(Stage, OpenPipelineUsd, WonUsd);
}

/// <summary>Computes fit, engagement, funnel stage and money for loaded accounts, and builds summaries.</summary>
public sealed class AccountAnalyzer(FitScorer fitScorer, EngagementScorer engagementScorer)
{
    /// <summary>How many latest touches a summary lists.</summary>
    public const int LatestTouchCount = 5;

    public AesModel Model => engagementScorer.Model;

    /// <summary>Scores every account in <paramref name="data"/> as of an instant.</summary>
    public IReadOnlyList<AccountSnapshot> Analyze(PortfolioData data, DateTimeOffset asOf)
    {
        var engagement = engagementScorer.ScoreAll(data.Accounts.Select(a => a.Id), data.Events, data.Contacts, asOf);
        var opportunities = data.Opportunities.ToLookup(o => o.AccountId, StringComparer.Ordinal);

        var snapshots = new List<AccountSnapshot>(data.Accounts.Count);
        foreach (var account in data.Accounts)
        {
            var owner = account.OwnerId is not null && data.People.TryGetValue(account.OwnerId, out var person) ? person.Name : null;
            var fit = fitScorer.Score(account, data.ParentIds.Contains(account.Id));
            snapshots.Add(Snapshot(account, owner, data.ApprovedTargets.Contains(account.Id), fit, engagement[account.Id], opportunities[account.Id], asOf));
        }

        return snapshots;
    }

    /// <summary>Combines one account's scores with its deals into a snapshot as of an instant.</summary>
    /// <param name="opportunities">The account's deals; those created after the instant are left out.</param>
    public static AccountSnapshot Snapshot(
        Account account,
        string? ownerName,
        bool isTarget,
        FitResult fit,
        EngagementResult engagement,
        IEnumerable<Opportunity> opportunities,
        DateTimeOffset asOf)
    {
        // Deals created after the instant have not happened yet as of it.
        var deals = opportunities.Where(o => o.CreatedAt <= asOf).ToList();
        var (open, openCount, won) = Funnel.Totals(deals);
        return new AccountSnapshot(
            account,
            ownerName,
            isTarget,
            fit,
            engagement,
            Funnel.StageOf(isTarget, engagement.Band, deals),
            open,
            openCount,
            won);
    }

    /// <summary>Builds the summary of one analysed account, with its latest touches up to the instant.</summary>
    public AccountSummary Summarize(AccountSnapshot snapshot, PortfolioData data, DateTimeOffset asOf)
    {
        var account = snapshot.Account;
        var touches = data.Events
            .Where(e => e.AccountId == account.Id && e.OccurredAt <= asOf && Model.TypeIndexOf(e.Type) != AesModel.ExcludedTypeIndex)
            .OrderByDescending(e => e.OccurredAt)
            .ThenByDescending(e => e.Id)
            .Take(LatestTouchCount)
            .Select(e => new Touch(e.OccurredAt, e.Type, e.Function, ContactName(e, data), e.Detail))
            .ToList();

        return new AccountSummary(
            account.Id,
            account.Name,
            account.Domain,
            account.Industry,
            account.Employees,
            account.AnnualRevenueUsd,
            account.Region,
            account.Country,
            snapshot.OwnerName,
            snapshot.IsTarget,
            snapshot.Fit,
            snapshot.Engagement,
            snapshot.Stage,
            snapshot.OpenPipelineUsd,
            snapshot.OpenOpportunities,
            snapshot.WonUsd,
            touches);
    }

    private static string? ContactName(EngagementEvent engagement, PortfolioData data) =>
        engagement.ContactId is { } id && data.Contacts.TryGetValue(id, out var contact) ? contact.Name : null;
}
