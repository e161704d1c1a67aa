namespace Abm.Core.Playbooks;

/// <summary>The part of the revenue team that owns a playbook step.</summary>
public enum StepFunction
{
    Marketing,
    SalesDevelopment,
    Sales,
    CustomerSuccess,
    Executive,
}

/// <summary>One step of a playbook template.</summary>
/// <param name="Key">Unique within the template, such as <c>invite</c>.</param>
/// <param name="DueOffset">How long after the program starts the step is due.</param>
/// <param name="CompletedByEventType">An engagement event type whose arrival completes the step, or null.</param>
public sealed record PlaybookStepTemplate(
    string Key,
    string Title,
    string Guidance,
    StepFunction Function,
    TimeSpan DueOffset,
    string? CompletedByEventType);

/// <summary>A playbook as a data file describes it: an ordered list of steps.</summary>
/// <param name="Id">The file's id, such as <c>executive-outreach</c>.</param>
/// <param name="Source">The file it came from, for messages.</param>
public sealed record PlaybookTemplate(string Id, string Name, string Description, IReadOnlyList<PlaybookStepTemplate> Steps, string Source);

/// <summary>A problem in a playbook file, with the file, the line and what to fix.</summary>
public sealed class PlaybookTemplateException(string file, long line, string problem)
    : Exception($"{file}:{line}: {problem}")
{
    public string File { get; } = file;

    public long Line { get; } = line;

    public string Problem { get; } = problem;
}
