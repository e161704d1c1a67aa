using Abm.Core.TargetList;

namespace Abm.Core.Playbooks;

/// <summary>One step with its program, account and owner: what a step card shows.</summary>
/// <param name="Version">The step's concurrency token, which every change raises.</param>
public sealed record StepView(
    long Id,
    long ProgramId,
    string ProgramName,
    string AccountId,
    string AccountName,
    int Order,
    int StepCount,
    string Title,
    string Guidance,
    StepFunction Function,
    PersonRef Owner,
    DateTimeOffset DueAt,
    StepStatus Status,
    DateTimeOffset? SnoozedUntil,
    string? SkipReason,
    string? CompletedByEventType,
    bool CompletedByEvent,
    DateTimeOffset? ClosedAt = null,
    StepEvidence? Evidence = null,
    int Version = 0);

/// <summary>The engagement event that completed a step by itself.</summary>
public sealed record StepEvidence(string Type, string Source, DateTimeOffset OccurredAt, string? Detail);

/// <summary>A program with its progress, for "playbook status".</summary>
/// <param name="Current">The first open step, or null when the program is complete.</param>
public sealed record ProgramView(long Id, string Name, string AccountName, ProgramStatus Status, int Closed, int Total, StepView? Current, IReadOnlyList<StepView> Steps);

/// <summary>Sends step cards: the channels implement it; the default does nothing.</summary>
public interface IPlaybookNotifier
{
    /// <summary>A step became current, or was reassigned: send its card to the owner by direct message.</summary>
    Task StepAssignedAsync(StepView step, CancellationToken cancellationToken);

    /// <summary>An open step is overdue and outside the owner's quiet hours: remind the owner.</summary>
    Task StepReminderAsync(StepView step, CancellationToken cancellationToken);

    /// <summary>
    /// A step completed by itself when its evidence event arrived: edit the step cards already
    /// sent for it, without their buttons. Called once per completion, before the next step goes out.
    /// </summary>
    Task StepCompletedByEventAsync(StepView step, CancellationToken cancellationToken);
}

/// <summary>The notifier when no channel is configured.</summary>
public sealed class NoPlaybookNotifier : IPlaybookNotifier
{
    public Task StepAssignedAsync(StepView step, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StepReminderAsync(StepView step, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StepCompletedByEventAsync(StepView step, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Business functions as people read them.</summary>
public static class StepFunctionText
{
    public static string Of(StepFunction function) => function switch
    {
        StepFunction.SalesDevelopment => "Sales development",
        StepFunction.CustomerSuccess => "Customer success",
        _ => function.ToString(),
    };
}
