using Abm.Core.Domain;
using Abm.Core.Scoring;
using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Abm.Core.Alerts;

/// <summary>What one evaluation did.</summary>
public sealed record EvaluationSummary(int Accounts, int Alerts, int OutboxMessages);

/// <summary>
/// Re-scores accounts and applies the alert rules, adding the state changes, the alerts and
/// their outbox rows to the caller's context. The caller saves once, so the score's effects and
/// the messages they cause commit in one transaction.
/// </summary>
public sealed class AlertEvaluator(
    EngagementScorer scorer,
    FitScorer fitScorer,
    AlertRuleEngine engine,
    OutboxPlanner planner,
    ILogger<AlertEvaluator> logger)
{
    /// <summary>Evaluates the accounts as of <paramref name="now"/>; nothing is saved.</summary>
    /// <param name="newEvents">Events added to <paramref name="db"/> but not saved yet. An account without alert state gets a silent baseline from its events before these.</param>
    public async Task<EvaluationSummary> EvaluateAsync(
        AbmDbContext db,
        IReadOnlyCollection<string> accountIds,
        IReadOnlyList<EngagementEvent> newEvents,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var ids = accountIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return new EvaluationSummary(0, 0, 0);
        }

        var accounts = await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
        var stored = await db.Events.AsNoTracking().Where(e => ids.Contains(e.AccountId)).ToListAsync(cancellationToken);
        var contacts = await db.Contacts.AsNoTracking().Where(c => ids.Contains(c.AccountId)).ToDictionaryAsync(c => c.Id, StringComparer.Ordinal, cancellationToken);
        var parents = (await db.Accounts.AsNoTracking().Where(a => a.ParentAccountId != null && ids.Contains(a.ParentAccountId)).Select(a => a.ParentAccountId!).Distinct().ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var states = await db.AlertStates.Where(s => ids.Contains(s.AccountId)).ToDictionaryAsync(s => s.AccountId, StringComparer.Ordinal, cancellationToken);
        var openAlerts = await db.Alerts.Where(a => ids.Contains(a.AccountId) && a.Status == AlertStatus.Open).ToListAsync(cancellationToken);
        var ownerIds = accounts.Where(a => a.OwnerId != null).Select(a => a.OwnerId!).Distinct().ToList();
        var owners = await db.People.AsNoTracking().Where(p => ownerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, StringComparer.Ordinal, cancellationToken);
        var subscriptions = await db.AlertSubscriptions.AsNoTracking().Where(s => s.Enabled).ToListAsync(cancellationToken);

        var storedByAccount = stored.ToLookup(e => e.AccountId, StringComparer.Ordinal);
        var newByAccount = newEvents.ToLookup(e => e.AccountId, StringComparer.Ordinal);
        var raised = new List<Alert>();
        var messages = 0;
        var superseded = new List<long>();

        foreach (var account in accounts)
        {
            var before = storedByAccount[account.Id].ToList();
            if (!states.TryGetValue(account.Id, out var state))
            {
                var baseline = scorer.Score(account.Id, before, contacts, now);
                state = new AccountAlertState
                {
                    AccountId = account.Id,
                    Band = engine.InitialBand(baseline.Score),
                    Score = baseline.Score,
                    EvaluatedAt = now,
                    HasActivity = baseline.LastActivityAt is not null,
                };
                db.AlertStates.Add(state);
                if (!newByAccount.Contains(account.Id))
                {
                    continue;
                }
            }

            var result = scorer.Score(account.Id, before.Concat(newByAccount[account.Id]), contacts, now);
            var fit = fitScorer.Score(account, parents.Contains(account.Id));
            state.Version++;
            var decisions = engine.Evaluate(state, result, fit.Tier, now);
            if (decisions.Count == 0)
            {
                continue;
            }

            owners.TryGetValue(account.OwnerId ?? string.Empty, out var owner);
            foreach (var previous in openAlerts.Where(a => a.AccountId == account.Id))
            {
                previous.Status = AlertStatus.Superseded;
                previous.StatusChangedAt = now;
                superseded.Add(previous.Id);
            }

            foreach (var decision in decisions)
            {
                var alert = new Alert
                {
                    AccountId = account.Id,
                    AccountName = account.Name,
                    Rule = decision.Rule,
                    RulesVersion = engine.Options.Version,
                    OldBand = decision.OldBand,
                    NewBand = decision.NewBand,
                    Score = result.Score,
                    ScoreChange = Math.Round(result.Change7Days, 1),
                    FitTier = fit.Tier,
                    OwnerId = account.OwnerId,
                    ReasonsJson = AlertReasons.ToJson(result.TopEvents),
                    Urgent = decision.Urgent,
                    CreatedAt = now,
                };
                db.Alerts.Add(alert);
                raised.Add(alert);
                foreach (var message in planner.Plan(alert, account, owner, subscriptions, now))
                {
                    db.AlertOutbox.Add(message);
                    messages++;
                }

                Log.AlertRaised(logger, decision.Rule, account.Id, alert.Score, alert.ScoreChange, decision.OldBand, decision.NewBand);
            }
        }

        messages += await AlertEdits.EnqueueAsync(db, superseded, now, cancellationToken);
        return new EvaluationSummary(accounts.Count, raised.Count, messages);
    }
}
