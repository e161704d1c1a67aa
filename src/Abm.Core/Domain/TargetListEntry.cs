namespace Abm.Core.Domain;

/// <summary>An account's place on the Target Account List.</summary>
public sealed class TargetListEntry
{
    public required string AccountId { get; set; }

    public TargetListStatus Status { get; set; }

    /// <summary>Program tier: 1 one-to-one, 2 one-to-few, 3 one-to-many.</summary>
    public int ProgramTier { get; set; } = 3;

    public DateTimeOffset ChangedAt { get; set; }

    public string? ChangedById { get; set; }

    public string? Reason { get; set; }
}
