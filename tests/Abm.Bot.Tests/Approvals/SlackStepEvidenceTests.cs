using System.Globalization;
using System.Text;
using Abm.Bot.Tests.Slack;
using Abm.Core.Domain;
using Abm.Core.Ingestion;
using Abm.Core.Playbooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Bot.Tests.Approvals;

/// <summary>
/// A step that completes by itself when a meeting arrives through ingestion: the step message
/// already in Slack is edited in place, and then the next step goes out, through the fake Slack Web API.
/// </summary>
public sealed class SlackStepEvidenceTests : IAsyncLifetime
{
    private const string RexChannel = "DUREX";

    /// <summary>The <c>ts</c> the fake gives the first message it receives.</summary>
    private const string FirstTs = "1700000000.000001";

    private FakeSlackApi _api = null!;
    private SlackTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeSlackApi.StartAsync();
        _host = await SlackTestHost.StartAsync(_api, new FakeAssistant(), configureServices: services =>
        {
            services.AddAbmAnswers();
            services.AddAbmTargetList();
            services.AddAbmApprovalChannels();
            services.AddAbmAlerts();
        });
        await _host.SeedAsync(
            new Person { Id = "p-rex", Name = "Rex Rep", Role = PersonRole.Rep, SlackUserId = "UREX" },
            new Account { Id = "a-contoso", Name = "Contoso Ltd", Domain = "contoso.com", OwnerId = "p-rex" });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Meeting_edits_sent_step_in_place()
    {
        await StartAsync();
        await IngestMeetingAsync("mtg-1");

        var update = Assert.Single(_api.CallsTo("chat.update"));
        Assert.Equal((RexChannel, FirstTs), (update.Arg("channel"), update.Arg("ts")));
        Assert.Contains("Done automatically", update.Body.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("by the meeting event (Discovery call) from crm", update.Body.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("\"actions\"", update.Body.GetRawText(), StringComparison.Ordinal);
        Assert.Empty(_api.Problems);
    }

    [Fact]
    public async Task Meeting_sends_next_step_after_edit()
    {
        await StartAsync();

        await IngestMeetingAsync("mtg-1");

        var methods = _api.Calls.Where(c => c.Method is "chat.update" or "chat.postMessage").Select(c => c.Method).ToList();
        Assert.Equal(["chat.postMessage", "chat.update", "chat.postMessage"], methods);
        Assert.Contains("Prepare the customer", _api.CallsTo("chat.postMessage")[1].Body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_instances_edit_once()
    {
        var program = await StartAsync();
        var meeting = await StoreMeetingAsync();

        // Two callers with their own database contexts, as two hosts sharing the database would run.
        var playbooks = _host.Services.GetRequiredService<PlaybookService>();
        var completed = await Task.WhenAll(
            Task.Run(() => playbooks.CompleteByEventsAsync([meeting], CancellationToken.None)),
            Task.Run(() => playbooks.CompleteByEventsAsync([meeting], CancellationToken.None)));

        Assert.Equal(1, completed.Sum());
        Assert.Single(_api.CallsTo("chat.update"));
        Assert.Equal(2, _api.CallsTo("chat.postMessage").Count);
        Assert.Equal(StepStatus.Done, (await playbooks.GetStepAsync(program.Steps[0].Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Repeated_notice_edits_once()
    {
        var program = await StartAsync();
        await IngestMeetingAsync("mtg-1");
        var playbooks = _host.Services.GetRequiredService<PlaybookService>();
        var step = await playbooks.GetStepAsync(program.Steps[0].Id, CancellationToken.None);

        await _host.Services.GetRequiredService<IPlaybookNotifier>().StepCompletedByEventAsync(step!, CancellationToken.None);

        Assert.Single(_api.CallsTo("chat.update"));
    }

    private async Task<ProgramView> StartAsync()
    {
        var (program, error) = await _host.Services.GetRequiredService<PlaybookService>().StartAsync("a-contoso", "custom-workshop", "p-rex", CancellationToken.None);
        return program ?? throw new InvalidOperationException(error);
    }

    /// <summary>Posts one meeting through the same ingestion the events API runs.</summary>
    private async Task IngestMeetingAsync(string id)
    {
        var at = DateTimeOffset.UtcNow.AddSeconds(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var body = $$"""[{"id":"{{id}}","accountId":"a-contoso","type":"meeting","occurredAt":"{{at}}","detail":"Discovery call"}]""";
        var result = await _host.Services.GetRequiredService<EventIngestor>().IngestAsync("crm", EventPayload.Parse(Encoding.UTF8.GetBytes(body)), CancellationToken.None);
        Assert.True(result.Accepted == 1, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Reason}")));
    }

    private async Task<EngagementEvent> StoreMeetingAsync()
    {
        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<Abm.Core.Storage.AbmDbContext>>().CreateDbContextAsync();
        var meeting = new EngagementEvent { AccountId = "a-contoso", Type = "meeting", Source = "crm", SourceId = "mtg-race", OccurredAt = DateTimeOffset.UtcNow.AddSeconds(1) };
        db.Events.Add(meeting);
        await db.SaveChangesAsync();
        return meeting;
    }
}
