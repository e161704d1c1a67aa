using Abm.Core.Alerts;
using Abm.Core.Ingestion;
using Abm.Core.Playbooks;
using Abm.Core.Scoring;
using Abm.Core.Tests.Import;
using Abm.Core.Tests.TargetList;
using Microsoft.Extensions.Logging.Abstractions;

namespace Abm.Core.Tests.Playbooks;

/// <summary>The shipped templates and the playbook service over a seeded database, with a recording notifier.</summary>
public sealed class PlaybookFixture : IDisposable
{
    public PlaybookFixture(PlaybookOptions? options = null)
    {
        Options = options ?? new PlaybookOptions();
        Catalog = new PlaybookCatalog(PlaybookTemplateLoader.LoadDirectory(Path.Combine(RepositoryPaths.Root, "playbooks")));
        Service = new PlaybookService(Database, Catalog, Notifier, Database.Clock, NullLogger<PlaybookService>.Instance);
        Reminders = new PlaybookReminders(Database, Notifier, Options, Database.Clock, NullLogger<PlaybookReminders>.Instance);
    }

    public WorkflowDatabase Database { get; } = WorkflowDatabase.Sqlite();

    public RecordingPlaybookNotifier Notifier { get; } = new();

    public PlaybookOptions Options { get; }

    public PlaybookCatalog Catalog { get; }

    public PlaybookService Service { get; }

    public PlaybookReminders Reminders { get; }

    /// <summary>The real events ingestor with the playbook observer, as the host wires it.</summary>
    public EventIngestor Ingestor()
    {
        var scoring = new ScoringOptions();
        var rules = new AlertRulesOptions();
        var evaluator = new AlertEvaluator(
            new EngagementScorer(new AesModel(scoring)),
            new FitScorer(scoring),
            new AlertRuleEngine(rules),
            new OutboxPlanner(rules),
            NullLogger<AlertEvaluator>.Instance);
        var observer = new PlaybookEvidenceObserver(Service, NullLogger<PlaybookEvidenceObserver>.Instance);
        return new EventIngestor(Database, evaluator, new IngestionOptions(), Database.Clock, NullLogger<EventIngestor>.Instance, [observer]);
    }

    public async Task<ProgramView> StartAsync(string templateId, string accountId = "a-contoso", string starter = "p-rex")
    {
        var (program, error) = await Service.StartAsync(accountId, templateId, starter, CancellationToken.None);
        return program ?? throw new InvalidOperationException(error);
    }

    public void Dispose() => Database.Dispose();
}

/// <summary>Records every step card and reminder a channel would send.</summary>
public sealed class RecordingPlaybookNotifier : IPlaybookNotifier
{
    public List<StepView> Assigned { get; } = [];

    public List<(DateTimeOffset At, StepView Step)> Reminders { get; } = [];

    public List<StepView> CompletedByEvent { get; } = [];

    public TimeProvider? Clock { get; set; }

    public Task StepAssignedAsync(StepView step, CancellationToken cancellationToken)
    {
        lock (Assigned)
        {
            Assigned.Add(step);
        }

        return Task.CompletedTask;
    }

    public Task StepReminderAsync(StepView step, CancellationToken cancellationToken)
    {
        Reminders.Add(((Clock ?? TimeProvider.System).GetUtcNow(), step));
        return Task.CompletedTask;
    }

    public Task StepCompletedByEventAsync(StepView step, CancellationToken cancellationToken)
    {
        lock (CompletedByEvent)
        {
            CompletedByEvent.Add(step);
        }

        return Task.CompletedTask;
    }
}
