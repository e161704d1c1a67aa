using Abm.Core.Scoring;
using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Abm.Core.Alerts;

/// <summary>
/// Re-scores accounts on a schedule, so decay alone can move a score and cool an account with no
/// new events. Accounts without alert state get a silent baseline, so turning alerts on for an
/// existing database raises no flood of alerts.
/// </summary>
public sealed class AlertReevaluator(
    IDbContextFactory<AbmDbContext> contexts,
    AlertEvaluator evaluator,
    TimeProvider time,
    ILogger<AlertReevaluator> logger)
{
    private const int BatchSize = 250;

    /// <summary>Re-evaluates every account that is above cold, waiting out a dwell, or active in the last 8 days, and baselines new ones.</summary>
    public async Task<EvaluationSummary> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var recent = now - TimeSpan.FromDays(8);
        List<string> accountIds;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var warm = await db.AlertStates.Where(s => s.Band != EngagementBand.Cold || s.PendingBand != null).Select(s => s.AccountId).ToListAsync(cancellationToken);
            var active = await db.Events.Where(e => e.OccurredAt >= recent).Select(e => e.AccountId).Distinct().ToListAsync(cancellationToken);
            var tracked = await db.AlertStates.Select(s => s.AccountId).ToListAsync(cancellationToken);
            var withEvents = await db.Events.Select(e => e.AccountId).Distinct().ToListAsync(cancellationToken);
            var untracked = withEvents.Except(tracked, StringComparer.Ordinal);
            accountIds = warm.Concat(active).Concat(untracked).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        }

        int accounts = 0, alerts = 0, messages = 0;
        foreach (var batch in accountIds.Chunk(BatchSize))
        {
            var summary = await EvaluateBatchAsync(batch, now, cancellationToken);
            accounts += summary.Accounts;
            alerts += summary.Alerts;
            messages += summary.OutboxMessages;
        }

        Log.Reevaluated(logger, accounts, alerts, messages);
        return new EvaluationSummary(accounts, alerts, messages);
    }

    private async Task<EvaluationSummary> EvaluateBatchAsync(string[] batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                var summary = await evaluator.EvaluateAsync(db, batch, [], now, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                return summary;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                Log.ConcurrentEvaluation(logger, attempt);
            }
        }
    }
}
