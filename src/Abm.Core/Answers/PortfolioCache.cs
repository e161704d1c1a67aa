using Abm.Core.Domain;
using Abm.Core.Scoring;
using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Abm.Core.Answers;

/// <summary>Every account scored as of one instant, from the data at <paramref name="DataVersion"/>.</summary>
/// <param name="Data">Accounts, people, opportunities, targets and parents, for filters; its events and contacts are empty.</param>
/// <param name="Snapshots">One per account, in <see cref="PortfolioData.Accounts"/> order; their engagement results list no top events.</param>
/// <param name="EventCount">Events scored, over all accounts.</param>
public sealed record PortfolioScores(long DataVersion, PortfolioData Data, IReadOnlyList<AccountSnapshot> Snapshots, int EventCount);

/// <summary>
/// Scores the whole portfolio for ranked lists, changes and funnels without reloading it per
/// question. The instance keeps one frame of compact, time-independent inputs
/// (<see cref="PortfolioFrame"/>) and reloads it only when the database's portfolio data version
/// differs, so a write through any instance that shares the database reaches the next question.
/// Engagement decays with time, so every question recomputes AES as of its own instant with
/// <see cref="AesCalculator"/>: no staleness window.
/// </summary>
/// <remarks>Thread-safe; one load runs at a time and concurrent questions wait for it.</remarks>
public sealed class PortfolioCache(
    IDbContextFactory<AbmDbContext> contexts,
    FitScorer fitScorer,
    EngagementScorer engagementScorer,
    TimeProvider timeProvider,
    ILogger<PortfolioCache> logger) : IDisposable
{
    /// <summary>How long the help example stays chosen before it is scored again.</summary>
    internal static readonly TimeSpan ExampleLifetime = TimeSpan.FromHours(1);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile PortfolioFrame? _frame;
    private volatile ExampleChoice? _example;

    /// <summary>Scores every account as of <paramref name="asOf"/>, reloading the inputs first when the data version moved.</summary>
    public async Task<PortfolioScores> ScoreAsync(DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var frame = await GetFrameAsync(cancellationToken);
        var accounts = frame.Data.Accounts;
        var calculator = new AesCalculator(engagementScorer.Model);
        var asOfMs = asOf.ToUnixTimeMilliseconds();

        var snapshots = new AccountSnapshot[accounts.Count];
        for (var i = 0; i < accounts.Count; i++)
        {
            var account = accounts[i];
            var totals = calculator.Compute(frame.EventsOf(i), asOfMs);
            var engagement = engagementScorer.ToResult(account.Id, asOf, totals, []);
            var isTarget = frame.Data.ApprovedTargets.Contains(account.Id);
            snapshots[i] = AccountAnalyzer.Snapshot(account, frame.OwnerNames[i], isTarget, frame.Fits[i], engagement, frame.Deals[i], asOf);
        }

        return new PortfolioScores(frame.Version, frame.Data, snapshots, frame.Events.Length);
    }

    /// <summary>
    /// Returns the account with the highest AES, for help examples, or null when none is stored.
    /// Help is the most frequent question, so the choice is kept for <see cref="ExampleLifetime"/>
    /// and reused without reading the database: it may name an account that a write since then
    /// moved down the ranking, which an example can afford.
    /// </summary>
    public async Task<Account?> FindExampleAccountAsync(DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var example = _example;
        if (example is not null && asOf - example.ChosenAt < ExampleLifetime && asOf >= example.ChosenAt)
        {
            return example.Account;
        }

        var scores = await ScoreAsync(asOf, cancellationToken);
        var account = scores.Snapshots
            .OrderByDescending(s => s.Engagement.Score)
            .ThenBy(s => s.Account.Name, StringComparer.OrdinalIgnoreCase)
            .FirstOrDefault()?.Account;
        _example = new ExampleChoice(account, asOf);
        return account;
    }

    public void Dispose() => _loading.Dispose();

    private sealed record ExampleChoice(Account? Account, DateTimeOffset ChosenAt);

    private async Task<PortfolioFrame> GetFrameAsync(CancellationToken cancellationToken)
    {
        long version;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            version = await PortfolioVersion.ReadAsync(db, cancellationToken);
        }

        var frame = _frame;
        if (frame is not null && frame.Version == version)
        {
            return frame;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            // Another question may have loaded this version, or a newer one, while this one waited.
            frame = _frame;
            if (frame is not null && frame.Version >= version)
            {
                return frame;
            }

            // TODO: load only the events added since the frame instead of every row after any write.
            var started = timeProvider.GetTimestamp();
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            frame = await PortfolioFrame.LoadAsync(db, fitScorer, engagementScorer.Model, cancellationToken);
            _frame = frame;
            var elapsedMs = (long)timeProvider.GetElapsedTime(started).TotalMilliseconds;
            Log.PortfolioLoaded(logger, frame.Version, frame.Data.Accounts.Count, frame.Events.Length, elapsedMs);
            return frame;
        }
        finally
        {
            _loading.Release();
        }
    }
}
