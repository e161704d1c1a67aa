using Abm.Core.Scoring;

namespace Abm.Core.Alerts;

/// <summary>
/// The alert rules (section <c>Abm:Alerts:Rules</c>). Every alert records <see cref="Version"/>,
/// so a threshold change can be told apart in "alert stats" and in the history.
/// </summary>
/// <remarks>
/// Bands use hysteresis: an account enters a higher band at its enter threshold and leaves a
/// band only below that band's exit threshold, so a score hovering at 69–71 does not flap. A new
/// band is confirmed once it held for <see cref="DwellEvaluations"/> consecutive evaluations or for
/// <see cref="DwellTime"/>, whichever comes first; then at most one band alert per
/// <see cref="BandCooldown"/> and account.
/// </remarks>
public sealed class AlertRulesOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Abm:Alerts:Rules";

    /// <summary>Names this set of rules; raise it whenever a threshold changes. Default <c>2026-12-04</c>.</summary>
    public string Version { get; set; } = "2026-12-04";

    /// <summary>Score at which an account enters the warm band. Default 25.</summary>
    public double WarmEnter { get; set; } = 25;

    /// <summary>Score below which a warm account leaves the band. Default 20.</summary>
    public double WarmExit { get; set; } = 20;

    /// <summary>Score at which an account enters the engaged band. Default 50.</summary>
    public double EngagedEnter { get; set; } = 50;

    /// <summary>Score below which an engaged account leaves the band. Default 42.</summary>
    public double EngagedExit { get; set; } = 42;

    /// <summary>Score at which an account enters the hot band. Default 70.</summary>
    public double HotEnter { get; set; } = 70;

    /// <summary>Score below which a hot account leaves the band. Default 55.</summary>
    public double HotExit { get; set; } = 55;

    /// <summary>Consecutive evaluations a new band must hold; 1 confirms at once. Default 2.</summary>
    public int DwellEvaluations { get; set; } = 2;

    /// <summary>Time after which a new band that still holds is confirmed, even with fewer evaluations. Default 10 minutes.</summary>
    public TimeSpan DwellTime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>At most one band alert (up, down or disengagement) per account within this time. Default 7 days.</summary>
    public TimeSpan BandCooldown { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Alert when the band rises. Default true.</summary>
    public bool BandUpEnabled { get; set; } = true;

    /// <summary>A rise into this band or higher is urgent. Default hot.</summary>
    public EngagementBand UrgentBand { get; set; } = EngagementBand.Hot;

    /// <summary>Alert when the band falls, other than out of hot. Default false.</summary>
    public bool BandDownEnabled { get; set; }

    /// <summary>Alert when a hot account cools out of the hot band. Default true.</summary>
    public bool DisengagementEnabled { get; set; } = true;

    /// <summary>Alert when the AES rose by <see cref="SurgePoints"/> within 7 days. Default true.</summary>
    public bool SurgeEnabled { get; set; } = true;

    /// <summary>Points the AES must gain within 7 days for a surge. Default 20.</summary>
    public double SurgePoints { get; set; } = 20;

    /// <summary>At most one surge alert per account within this time. Default 7 days.</summary>
    public TimeSpan SurgeCooldown { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Alert on a tier-A account's first scored event. Default true.</summary>
    public bool FirstEngagementEnabled { get; set; } = true;

    /// <summary>Send urgent alerts to the account owner directly as well. Default true.</summary>
    public bool NotifyOwnerOnUrgent { get; set; } = true;

    /// <summary>How often every active account is re-scored, so decay alone can move it. Default 15 minutes.</summary>
    public TimeSpan ReevaluationInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Returns the configuration errors, each naming the key, the value and the fix; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Check(bool ok, string key, object value, string fix)
        {
            if (!ok)
            {
                errors.Add(FormattableString.Invariant($"{SectionName}:{key} = {value} is invalid: {fix}."));
            }
        }

        Check(!string.IsNullOrWhiteSpace(Version), nameof(Version), Version ?? "(null)", "name the rule set, such as 2026-12-04");
        Check(WarmExit is >= 0 and <= 100 && WarmExit <= WarmEnter, nameof(WarmExit), WarmExit, "use 0–100 and at most WarmEnter");
        Check(EngagedExit <= EngagedEnter && EngagedExit > WarmEnter, nameof(EngagedExit), EngagedExit, "use a value above WarmEnter and at most EngagedEnter");
        Check(HotExit <= HotEnter && HotExit > EngagedEnter, nameof(HotExit), HotExit, "use a value above EngagedEnter and at most HotEnter");
        Check(WarmEnter < EngagedEnter && EngagedEnter < HotEnter && HotEnter <= 100, nameof(HotEnter), HotEnter, "enter thresholds must rise warm < engaged < hot ≤ 100");
        Check(DwellEvaluations >= 1, nameof(DwellEvaluations), DwellEvaluations, "use 1 or more (1 confirms a new band at once)");
        Check(DwellTime >= TimeSpan.Zero, nameof(DwellTime), DwellTime, "use 00:00:00 or more");
        Check(BandCooldown >= TimeSpan.Zero, nameof(BandCooldown), BandCooldown, "use 00:00:00 or more");
        Check(SurgePoints > 0, nameof(SurgePoints), SurgePoints, "use more than 0 points");
        Check(SurgeCooldown >= TimeSpan.Zero, nameof(SurgeCooldown), SurgeCooldown, "use 00:00:00 or more");
        Check(ReevaluationInterval >= TimeSpan.FromSeconds(1), nameof(ReevaluationInterval), ReevaluationInterval, "use at least 00:00:01");
        return errors;
    }

    internal double EnterOf(EngagementBand band) => band switch
    {
        EngagementBand.Warm => WarmEnter,
        EngagementBand.Engaged => EngagedEnter,
        EngagementBand.Hot => HotEnter,
        _ => double.NegativeInfinity,
    };

    internal double ExitOf(EngagementBand band) => band switch
    {
        EngagementBand.Warm => WarmExit,
        EngagementBand.Engaged => EngagedExit,
        EngagementBand.Hot => HotExit,
        _ => double.NegativeInfinity,
    };
}
