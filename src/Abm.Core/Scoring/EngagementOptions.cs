using Abm.Core.Domain;

namespace Abm.Core.Scoring;

/// <summary>How one event type scores (an entry of <c>Abm:Scoring:Engagement:EventTypes</c>).</summary>
/// <remarks>
/// An event earns <c>(Points + PointsPerUnit × quantity) × persona multiplier</c>, capped per
/// contact and UTC day when <see cref="Capped"/> is set, then decays as
/// <c>× 0.5^(age / HalfLife)</c>.
/// </remarks>
public sealed class EventTypeOptions
{
    /// <summary>Points per event before decay; negative for events that cool an account, such as a lost deal.</summary>
    public double Points { get; set; }

    /// <summary>Points per unit of the event's quantity, such as 1 per meeting minute. Default 0.</summary>
    public double PointsPerUnit { get; set; }

    /// <summary>Quantity assumed when an event carries none, such as 30 meeting minutes. Default 0.</summary>
    public double DefaultQuantity { get; set; }

    /// <summary>Age at which an event's points have halved. Default 30 days.</summary>
    public TimeSpan HalfLife { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Whether the per-contact daily cap applies; true for reading-type touches. Default true.</summary>
    public bool Capped { get; set; } = true;

    internal static EventTypeOptions Of(double points, double halfLifeDays, bool capped = true) =>
        new() { Points = points, HalfLife = TimeSpan.FromDays(halfLifeDays), Capped = capped };
}

/// <summary>
/// The account engagement score (section <c>Abm:Scoring:Engagement</c>): per-type weights and
/// half-lives, persona multipliers, a per-contact daily cap, the 0–100 curve and the bands.
/// </summary>
/// <remarks>
/// Raw points (the sum of decayed event points) map to 0–100 as
/// <c>100 × (1 − e^(−raw / Scale))</c>, and raw points at or below 0 give 0. With the default
/// scale of 175, 50 raw points reach warm (25), 121 engaged (50) and 211 hot (70): a demo
/// request alone makes an account warm, and hot takes several people or meetings.
/// </remarks>
public sealed class EngagementOptions
{
    /// <summary>Scoring per event type key, compared case-insensitively; merged into the defaults when bound.</summary>
    public Dictionary<string, EventTypeOptions> EventTypes { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["web_visit"] = EventTypeOptions.Of(1, 30),
        ["page_view"] = EventTypeOptions.Of(1, 30),
        ["ad_click"] = EventTypeOptions.Of(2, 30),
        ["marketing_touch"] = EventTypeOptions.Of(2, 30),
        ["pricing_page_view"] = EventTypeOptions.Of(10, 14),
        ["demo_request"] = EventTypeOptions.Of(50, 90, capped: false),
        ["form_submission"] = EventTypeOptions.Of(50, 60, capped: false),
        ["whitepaper_download"] = EventTypeOptions.Of(5, 60),
        ["email_open"] = EventTypeOptions.Of(0.1, 30),
        ["email_click"] = EventTypeOptions.Of(1, 30),
        ["chat"] = EventTypeOptions.Of(10, 30),
        ["webinar_attended"] = EventTypeOptions.Of(20, 60, capped: false),
        ["event_attended"] = EventTypeOptions.Of(25, 60, capped: false),
        ["meeting"] = new() { PointsPerUnit = 1, DefaultQuantity = 30, HalfLife = TimeSpan.FromDays(30), Capped = false },
        ["call"] = EventTypeOptions.Of(1, 30, capped: false),
        ["inbound_email"] = EventTypeOptions.Of(1, 30, capped: false),
        ["opportunity_created"] = EventTypeOptions.Of(50, 180, capped: false),
        ["stage_change"] = EventTypeOptions.Of(10, 30, capped: false),
        ["order"] = EventTypeOptions.Of(20, 180, capped: false),
        ["closed_won"] = EventTypeOptions.Of(50, 365, capped: false),
        ["closed_lost"] = EventTypeOptions.Of(-100, 180, capped: false),
        ["intent_high"] = EventTypeOptions.Of(0.2, 14),
        ["intent_medium"] = EventTypeOptions.Of(0.1, 14),
        ["support_ticket"] = EventTypeOptions.Of(2, 30),
        ["product_usage"] = EventTypeOptions.Of(1, 30),
    };

    /// <summary>Scoring for types missing from <see cref="EventTypes"/>: 0.5 points, 30-day half-life, capped.</summary>
    public EventTypeOptions UnknownType { get; set; } = EventTypeOptions.Of(0.5, 30);

    /// <summary>Types that never score nor count as activity, compared case-insensitively. Added to the defaults when bound.</summary>
    public List<string> ExcludedTypes { get; set; } = ["careers_page_view", "careers", "login", "unsubscribe"];

    /// <summary>Multiplier per contact seniority; merged into the defaults when bound.</summary>
    public Dictionary<Seniority, double> PersonaMultipliers { get; set; } = new()
    {
        [Seniority.CLevel] = 2.0,
        [Seniority.VicePresident] = 1.5,
        [Seniority.Director] = 1.25,
        [Seniority.Manager] = 1.0,
        [Seniority.Other] = 0.5,
    };

    /// <summary>Multiplier for events without a known contact, such as orders or anonymous visits. Default 1.0.</summary>
    public double AnonymousMultiplier { get; set; } = 1.0;

    /// <summary>Most points one contact adds per UTC day through capped types, after the persona multiplier. Default 6.</summary>
    public double ContactDailyCap { get; set; } = 6;

    /// <summary>Raw points at which the score reaches 63.2 (1 − 1/e of 100). Default 175.</summary>
    public double Scale { get; set; } = 175;

    /// <summary>Lowest score of the warm band. Default 25.</summary>
    public double WarmThreshold { get; set; } = 25;

    /// <summary>Lowest score of the engaged band. Default 50.</summary>
    public double EngagedThreshold { get; set; } = 50;

    /// <summary>Lowest score of the hot band. Default 70.</summary>
    public double HotThreshold { get; set; } = 70;

    /// <summary>How far back a contact's scored event makes it count as engaged (breadth). Default 90 days.</summary>
    public TimeSpan BreadthWindow { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How many top contributing events an explanation keeps. Default 5.</summary>
    public int TopEventCount { get; set; } = 5;
}

/// <summary>Scoring configuration (section <c>Abm:Scoring</c>).</summary>
public sealed class ScoringOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Abm:Scoring";

    public FitOptions Fit { get; set; } = new();

    public EngagementOptions Engagement { get; set; } = new();
}
