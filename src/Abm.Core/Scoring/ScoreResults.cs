using Abm.Core.Domain;

namespace Abm.Core.Scoring;

/// <summary>ICP fit tier: A is the best fit; None is below every tier or excluded.</summary>
public enum FitTier
{
    None,
    C,
    B,
    A,
}

/// <summary>AES band, from coldest to hottest.</summary>
public enum EngagementBand
{
    Cold,
    Warm,
    Engaged,
    Hot,
}

/// <summary>One ICP criterion's share of the fit score.</summary>
/// <param name="Criterion">Criterion name, such as <c>industry</c> or <c>employees</c>.</param>
/// <param name="Points">Points earned, from 0 to <paramref name="MaxPoints"/>.</param>
/// <param name="Reason">Why, in words, such as "Software is a target industry".</param>
public sealed record FitContribution(string Criterion, double Points, double MaxPoints, string Reason);

/// <summary>An account's ICP fit: a 0–100 score, a tier and each criterion's contribution.</summary>
/// <param name="Exclusion">Why the negative ICP excluded the account, or null.</param>
public sealed record FitResult(
    string AccountId,
    double Score,
    FitTier Tier,
    IReadOnlyList<FitContribution> Contributions,
    string? Exclusion);

/// <summary>One event's share of the AES after decay and caps.</summary>
public sealed record EventContribution(
    long EventId,
    string Type,
    BusinessFunction Function,
    DateTimeOffset OccurredAt,
    string? ContactName,
    string? Detail,
    double Points);

/// <summary>
/// An account's engagement as of an instant: the 0–100 AES, its band, sub-scores per business
/// function, buying-group breadth, the top contributing events and the change over 7 days.
/// </summary>
/// <param name="RawPoints">Sum of decayed points before the 0–100 curve.</param>
/// <param name="ByFunction">Decayed points per business function; they sum to <paramref name="RawPoints"/>.</param>
/// <param name="EngagedContacts">Distinct contacts that earned points within the breadth window.</param>
/// <param name="EngagedPersonas">Distinct known buying roles among the engaged contacts.</param>
/// <param name="LastActivityAt">The latest scored event, or null when the account was never active.</param>
public sealed record EngagementResult(
    string AccountId,
    DateTimeOffset AsOf,
    double Score,
    EngagementBand Band,
    double RawPoints,
    IReadOnlyDictionary<BusinessFunction, double> ByFunction,
    int EngagedContacts,
    int EngagedPersonas,
    IReadOnlyList<EventContribution> TopEvents,
    double ScoreSevenDaysAgo,
    DateTimeOffset? LastActivityAt)
{
    /// <summary>Scored events whose type is not configured; they earn the unknown-type points.</summary>
    public int UnknownTypeEvents { get; init; }

    /// <summary>Points gained (positive) or lost over the last 7 days.</summary>
    public double Change7Days => Score - ScoreSevenDaysAgo;
}
