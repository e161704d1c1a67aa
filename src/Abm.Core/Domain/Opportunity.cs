namespace Abm.Core.Domain;

/// <summary>A deal at an account.</summary>
public sealed class Opportunity
{
    public required string Id { get; set; }

    public required string AccountId { get; set; }

    public string? Name { get; set; }

    public OpportunityStage Stage { get; set; }

    /// <summary>Value in US dollars: expected for open deals, booked for won ones.</summary>
    public decimal Amount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public string? OwnerId { get; set; }

    /// <summary>True for upsell or cross-sell to an existing customer.</summary>
    public bool IsExpansion { get; set; }

    public string? Source { get; set; }

    public bool IsOpen => Stage is not (OpportunityStage.ClosedWon or OpportunityStage.ClosedLost);
}
