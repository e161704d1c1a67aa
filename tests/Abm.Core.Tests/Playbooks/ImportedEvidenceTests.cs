using Abm.Core.Domain;
using Abm.Core.Import;
using Abm.Core.Playbooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Abm.Core.Tests.Playbooks;

/// <summary>A CSV import passes the events it inserted to the observers, so imported evidence completes playbook steps.</summary>
public sealed class ImportedEvidenceTests : IDisposable
{
    private const string Mapping = """
        source: test_crm
        events:
          - file: meetings.csv
            key: "mtg-{id}"
            fields:
              account: "{account}"
              type: meeting
              function: sales
              occurredAt: "{at}"
        """;

    // The program starts at 09:00; the meeting at 10:00 is evidence for its first step.
    private const string Meetings = "id,account,at\n1,a-contoso,2026-03-20T10:00:00Z\n";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "abm-evidence-" + Guid.NewGuid().ToString("N"));
    private readonly PlaybookFixture _fixture = new();
    private readonly RecordingObserver _recorder = new();

    public ImportedEvidenceTests()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "meetings.csv"), Meetings);
    }

    [Fact]
    public async Task Imported_meeting_completes_step()
    {
        await _fixture.StartAsync("custom-workshop");
        _fixture.Database.Clock.Advance(TimeSpan.FromHours(2));

        await ImportAsync();

        var step = (await _fixture.Service.StatusAsync("a-contoso", CancellationToken.None)).Single().Steps[0];
        Assert.Equal(StepStatus.Done, step.Status);
        Assert.True(step.CompletedByEvent);
    }

    [Fact]
    public async Task Step_records_imported_event()
    {
        var program = await _fixture.StartAsync("custom-workshop");
        _fixture.Database.Clock.Advance(TimeSpan.FromHours(2));

        await ImportAsync();

        await using var db = _fixture.Database.CreateDbContext();
        var eventId = await db.Events.Where(e => e.Source == "test_crm" && e.SourceId == "mtg-1").Select(e => e.Id).SingleAsync();
        var step = await db.Set<PlaybookStep>().SingleAsync(s => s.ProgramId == program.Id && s.Order == 0);
        Assert.Equal(eventId, step.CompletedByEventId);
    }

    [Fact]
    public async Task Imported_meeting_sends_next_step()
    {
        await _fixture.StartAsync("custom-workshop");
        _fixture.Database.Clock.Advance(TimeSpan.FromHours(2));

        await ImportAsync();

        Assert.Equal("Prepare the customer's data", _fixture.Notifier.Assigned[^1].Title);
    }

    [Fact]
    public async Task Reimport_passes_no_events()
    {
        await ImportAsync();
        await ImportAsync();

        var stored = Assert.Single(_recorder.Batches);
        Assert.Equal("mtg-1", Assert.Single(stored).SourceId);
    }

    [Fact]
    public async Task Rejected_import_passes_no_events()
    {
        File.WriteAllText(Path.Combine(_directory, "meetings.csv"), Meetings + "2,a-unknown,2026-03-20T11:00:00Z\n");

        await Assert.ThrowsAsync<ImportException>(ImportAsync);

        Assert.Empty(_recorder.Batches);
    }

    public void Dispose()
    {
        _fixture.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Imports the CSV through the real import service with the playbook observer, as the host wires it.</summary>
    private Task<ImportResult> ImportAsync()
    {
        var playbooks = new PlaybookEvidenceObserver(_fixture.Service, NullLogger<PlaybookEvidenceObserver>.Instance);
        var service = new ImportService(_fixture.Database, _fixture.Database.Clock, NullLogger<ImportService>.Instance, [playbooks, _recorder]);
        return service.ImportAsync(ImportMapping.Parse("evidence.yml", Mapping), _directory, null, CancellationToken.None);
    }

    /// <summary>Records every batch of events an observer is given.</summary>
    private sealed class RecordingObserver : IEngagementEventsObserver
    {
        public List<IReadOnlyList<EngagementEvent>> Batches { get; } = [];

        public Task EventsStoredAsync(IReadOnlyList<EngagementEvent> events, CancellationToken cancellationToken)
        {
            Batches.Add(events);
            return Task.CompletedTask;
        }
    }
}
