namespace Abm.Core.Domain;

/// <summary>
/// One interaction with an account, from marketing automation, CRM, sales engagement or
/// product systems. (<see cref="Source"/>, <see cref="SourceId"/>) is unique, so re-imports
/// and re-deliveries do not count twice.
/// </summary>
public sealed class EngagementEvent
{
    public long Id { get; set; }

    public required string AccountId { get; set; }

    /// <summary>Event type key, such as <c>web_visit</c>, <c>pricing_page_view</c>, <c>meeting</c>; weights are configured per type.</summary>
    public required string Type { get; set; }

    public BusinessFunction Function { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public string? ContactId { get; set; }

    /// <summary>The <see cref="Person"/> on our side who acted, if any.</summary>
    public string? ActorId { get; set; }

    /// <summary>System the event came from, such as <c>hubspot</c> or <c>parch_and_posey</c>.</summary>
    public required string Source { get; set; }

    public required string SourceId { get; set; }

    /// <summary>Minutes for meetings and calls, or a money amount for orders; null when the type has none.</summary>
    public decimal? Quantity { get; set; }

    /// <summary>Short human-readable detail such as a page or channel name.</summary>
    public string? Detail { get; set; }
}
