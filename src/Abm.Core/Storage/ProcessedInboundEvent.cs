namespace Abm.Core.Storage;

/// <summary>
/// A receipt for an inbound chat event that has been accepted for an answer. Channels retry and
/// send the same message under several event types, so a turn runs only when it can insert every
/// one of its keys; the primary key makes that check hold across several bot instances.
/// </summary>
public sealed class ProcessedInboundEvent
{
    /// <summary>Channel-scoped key, such as <c>slack:event:T123:Ev456</c>; at most 400 characters.</summary>
    public required string Key { get; set; }

    /// <summary>When the event was accepted; receipts older than the retention period are deleted.</summary>
    public DateTimeOffset ProcessedAt { get; set; }
}
