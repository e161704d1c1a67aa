namespace Abm.Core.Playbooks;

/// <summary>Whether a program still runs.</summary>
public enum ProgramStatus
{
    Active,
    Completed,
}

/// <summary>Where a step stands.</summary>
public enum StepStatus
{
    Pending,
    Done,
    Skipped,
    Snoozed,
}

/// <summary>A playbook running on one account; an account may run several.</summary>
public sealed class PlaybookProgram
{
    public long Id { get; set; }

    public required string AccountId { get; set; }

    public required string TemplateId { get; set; }

    public required string Name { get; set; }

    public required string StartedById { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public ProgramStatus Status { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}

/// <summary>
/// One step of a program. <see cref="Version"/> is the concurrency token, so two clicks on the
/// same card, or a click racing an arriving event, change the step once.
/// </summary>
public sealed class PlaybookStep
{
    public long Id { get; set; }

    public long ProgramId { get; set; }

    /// <summary>0-based position in the template.</summary>
    public int Order { get; set; }

    public required string Key { get; set; }

    public required string Title { get; set; }

    public required string Guidance { get; set; }

    public StepFunction Function { get; set; }

    public required string OwnerId { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public string? CompletedByEventType { get; set; }

    public StepStatus Status { get; set; }

    public DateTimeOffset? SnoozedUntil { get; set; }

    public string? SkipReason { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public string? ClosedById { get; set; }

    /// <summary>The engagement event that completed the step by itself, if one did.</summary>
    public long? CompletedByEventId { get; set; }

    public DateTimeOffset? LastReminderAt { get; set; }

    public int Version { get; set; }

    public bool IsOpen => Status is StepStatus.Pending or StepStatus.Snoozed;
}

/// <summary>
/// A chat message that shows a step card, so a step that completes by itself can be edited in
/// place. A step may have several: the first card, reminders and the card sent after a reassign.
/// </summary>
public sealed class PlaybookStepMessage
{
    public long Id { get; set; }

    public long StepId { get; set; }

    /// <summary><c>msteams</c> or <c>slack</c>.</summary>
    public required string Channel { get; set; }

    /// <summary>The Teams conversation id or the Slack channel id.</summary>
    public required string ConversationId { get; set; }

    /// <summary>The Teams activity id or the Slack message <c>ts</c>.</summary>
    public required string MessageId { get; set; }

    /// <summary>
    /// The step <see cref="PlaybookStep.Version"/> the message was last edited to show, or null
    /// while it shows the card as sent. Claimed with a conditional update, so one edit is made per version.
    /// </summary>
    public int? EditedVersion { get; set; }
}
