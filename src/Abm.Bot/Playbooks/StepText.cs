using System.Globalization;
using Abm.Core;
using Abm.Core.Playbooks;

namespace Abm.Bot.Playbooks;

/// <summary>The words step cards in Teams and step messages in Slack share.</summary>
public static class StepText
{
    public static string Heading(StepView step) =>
        $"{step.ProgramName} on {step.AccountName}: step {step.Order + 1} of {step.StepCount}";

    public static string Due(StepView step) => Instant(step.DueAt);

    public static string Status(StepView step) => step.Status switch
    {
        StepStatus.Done when step.CompletedByEvent => "Done automatically",
        StepStatus.Done => "Done",
        StepStatus.Skipped => $"Skipped: {step.SkipReason}",
        StepStatus.Snoozed => $"Snoozed until {(step.SnoozedUntil is { } until ? Instant(until) : "further notice")}",
        _ => "Open",
    };

    /// <summary>The note that an open step completes by itself, or null when it has no evidence event type or is closed.</summary>
    public static string? SelfCompletion(StepView step) =>
        step.CompletedByEventType is { } type && IsOpen(step)
            ? $"Completes by itself when a {type} event arrives for {step.AccountName}."
            : null;

    /// <summary>
    /// The note that names the event that completed the step by itself and when, or null unless an
    /// event completed it.
    /// </summary>
    public static string? Completion(StepView step)
    {
        if (step.Status != StepStatus.Done || !step.CompletedByEvent)
        {
            return null;
        }

        var when = step.ClosedAt is { } closedAt ? $" at {Instant(closedAt)}" : string.Empty;
        if (step.Evidence is not { } evidence)
        {
            return $"Completed automatically{when} by a {step.CompletedByEventType} event.";
        }

        var detail = string.IsNullOrWhiteSpace(evidence.Detail) ? string.Empty : $" ({evidence.Detail.Trim()})";
        return $"Completed automatically{when} by the {evidence.Type} event{detail} from {evidence.Source} of {Instant(evidence.OccurredAt)}.";
    }

    public static string Reminder(StepView step) =>
        $"Reminder: this step was due {DateText.Date(step.DueAt)}.";

    public static bool IsOpen(StepView step) => step.Status is StepStatus.Pending or StepStatus.Snoozed;

    private static string Instant(DateTimeOffset at) => DateText.DateAndTime(at);
}
