using Abm.Core.Scoring;

namespace Abm.Core.Alerts;

/// <summary>One alert the rules decided to raise.</summary>
public sealed record AlertDecision(string Rule, EngagementBand OldBand, EngagementBand NewBand, bool Urgent);

/// <summary>
/// Applies the alert rules to one account's fresh score: band hysteresis, dwell, cooldowns,
/// surge and first engagement. Pure: it changes only the state it is given.
/// </summary>
public sealed class AlertRuleEngine(AlertRulesOptions options)
{
    public AlertRulesOptions Options => options;

    /// <summary>The band a score starts in when an account has no alert state yet (enter thresholds only).</summary>
    public EngagementBand InitialBand(double score) => TargetBand(score, EngagementBand.Cold);

    /// <summary>
    /// The band a score points to from <paramref name="current"/>: up when it reaches a higher
    /// band's enter threshold, down only when it falls below the current band's exit threshold.
    /// </summary>
    public EngagementBand TargetBand(double score, EngagementBand current)
    {
        for (var band = EngagementBand.Hot; band > current; band--)
        {
            if (score >= options.EnterOf(band))
            {
                return band;
            }
        }

        for (var band = current; band > EngagementBand.Cold; band--)
        {
            if (score >= options.ExitOf(band))
            {
                return band;
            }
        }

        return EngagementBand.Cold;
    }

    /// <summary>Updates <paramref name="state"/> with a new score and returns the alerts to raise (often none).</summary>
    public IReadOnlyList<AlertDecision> Evaluate(AccountAlertState state, EngagementResult result, FitTier fitTier, DateTimeOffset now)
    {
        var decisions = new List<AlertDecision>();
        var snoozed = state.SnoozedUntil is { } until && until > now;

        if (!state.HasActivity && result.LastActivityAt is not null)
        {
            state.HasActivity = true;
            if (options.FirstEngagementEnabled && fitTier == FitTier.A && !snoozed)
            {
                decisions.Add(new AlertDecision(AlertRules.FirstEngagement, state.Band, state.Band, Urgent: true));
            }
        }

        var bandDecision = EvaluateBand(state, result.Score, now, snoozed);
        if (bandDecision is not null)
        {
            // A first engagement that already lifts the band is reported once, by the band alert.
            decisions.RemoveAll(d => d.Rule == AlertRules.FirstEngagement && bandDecision.Rule == AlertRules.BandUp);
            decisions.Add(bandDecision);
        }

        var surgeCooledDown = state.LastSurgeAlertAt is not { } lastSurge || now - lastSurge >= options.SurgeCooldown;
        var risingBand = state.PendingBand is { } pending && pending > state.Band;
        if (options.SurgeEnabled && !snoozed && surgeCooledDown && result.Change7Days >= options.SurgePoints
            && bandDecision?.Rule != AlertRules.BandUp && !risingBand)
        {
            // A surge that lifts the band is reported once, by the band alert.
            decisions.Add(new AlertDecision(AlertRules.Surge, state.Band, state.Band, Urgent: false));
            state.LastSurgeAlertAt = now;
        }

        state.Score = result.Score;
        state.EvaluatedAt = now;
        return decisions;
    }

    private AlertDecision? EvaluateBand(AccountAlertState state, double score, DateTimeOffset now, bool snoozed)
    {
        var target = TargetBand(score, state.Band);
        if (target == state.Band)
        {
            state.PendingBand = null;
            state.PendingSince = null;
            state.PendingEvaluations = 0;
            return null;
        }

        if (state.PendingBand == target)
        {
            state.PendingEvaluations++;
        }
        else
        {
            state.PendingBand = target;
            state.PendingSince = now;
            state.PendingEvaluations = 1;
        }

        var held = state.PendingEvaluations >= options.DwellEvaluations || now - state.PendingSince >= options.DwellTime;
        if (!held)
        {
            return null;
        }

        var old = state.Band;
        state.Band = target;
        state.PendingBand = null;
        state.PendingSince = null;
        state.PendingEvaluations = 0;

        var rule = target > old ? AlertRules.BandUp
            : old == EngagementBand.Hot ? AlertRules.Disengagement
            : AlertRules.BandDown;
        var enabled = rule switch
        {
            AlertRules.BandUp => options.BandUpEnabled,
            AlertRules.Disengagement => options.DisengagementEnabled,
            _ => options.BandDownEnabled,
        };
        var cooledDown = state.LastBandAlertAt is not { } last || now - last >= options.BandCooldown;
        if (!enabled || !cooledDown || snoozed)
        {
            // The band still moves, silently, so the next alert compares with the truth.
            return null;
        }

        state.LastBandAlertAt = now;
        if (rule == AlertRules.BandUp)
        {
            // The rise counts as the surge's alert too, so the same gain is not announced twice.
            state.LastSurgeAlertAt = now;
        }

        return new AlertDecision(rule, old, target, Urgent: rule == AlertRules.BandUp && target >= options.UrgentBand);
    }
}
