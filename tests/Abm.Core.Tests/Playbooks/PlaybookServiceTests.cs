using System.Text;
using Abm.Core.Ingestion;
using Abm.Core.Playbooks;

namespace Abm.Core.Tests.Playbooks;

public sealed class PlaybookServiceTests : IDisposable
{
    private readonly PlaybookFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Start_sends_first_step_to_marketing()
    {
        await _fixture.StartAsync("executive-outreach");

        Assert.Equal(("Pick the event and the executive sponsor", "p-meg"), (_fixture.Notifier.Assigned.Single().Title, _fixture.Notifier.Assigned.Single().Owner.Id));
    }

    [Fact]
    public async Task Sales_step_goes_to_account_owner()
    {
        var program = await _fixture.StartAsync("executive-outreach");

        Assert.Equal("p-rex", program.Steps.Single(s => s.Title == "Meet at the event").Owner.Id);
    }

    [Fact]
    public async Task Step_due_from_start()
    {
        var program = await _fixture.StartAsync("executive-outreach");

        Assert.Equal(_fixture.Database.Clock.GetUtcNow().AddDays(2), program.Current!.DueAt);
    }

    [Fact]
    public async Task Account_runs_two_programs()
    {
        await _fixture.StartAsync("executive-outreach");
        await _fixture.StartAsync("expansion-play");

        Assert.Equal(2, (await _fixture.Service.StatusAsync("a-contoso", CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Same_program_twice_is_refused()
    {
        await _fixture.StartAsync("executive-outreach");

        var (_, error) = await _fixture.Service.StartAsync("a-contoso", "executive-outreach", "p-rex", CancellationToken.None);

        Assert.Contains("already runs", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Done_sends_next_step()
    {
        var program = await _fixture.StartAsync("executive-outreach");

        var result = await _fixture.Service.ActAsync(program.Current!.Id, "p-meg", new CompleteStep(), CancellationToken.None);

        Assert.Equal(("Send personal invitations to the buying group", 2), (result.Next!.Title, _fixture.Notifier.Assigned.Count));
    }

    [Fact]
    public async Task Double_done_changes_once()
    {
        var program = await _fixture.StartAsync("executive-outreach");
        await _fixture.Service.ActAsync(program.Current!.Id, "p-meg", new CompleteStep(), CancellationToken.None);

        var second = await _fixture.Service.ActAsync(program.Current.Id, "p-meg", new CompleteStep(), CancellationToken.None);

        Assert.Equal((StepOutcome.AlreadyClosed, 2), (second.Outcome, _fixture.Notifier.Assigned.Count));
    }

    [Fact]
    public async Task Skip_needs_reason()
    {
        var program = await _fixture.StartAsync("executive-outreach");

        var result = await _fixture.Service.ActAsync(program.Current!.Id, "p-meg", new SkipStep(" "), CancellationToken.None);

        Assert.Equal(StepOutcome.Invalid, result.Outcome);
    }

    [Fact]
    public async Task Skip_keeps_reason()
    {
        var program = await _fixture.StartAsync("executive-outreach");

        var result = await _fixture.Service.ActAsync(program.Current!.Id, "p-meg", new SkipStep("Event already chosen"), CancellationToken.None);

        Assert.Equal((StepStatus.Skipped, "Event already chosen"), (result.Step!.Status, result.Step.SkipReason));
    }

    [Fact]
    public async Task Stranger_changes_nothing()
    {
        var program = await _fixture.StartAsync("executive-outreach");

        var result = await _fixture.Service.ActAsync(program.Current!.Id, "p-sal", new CompleteStep(), CancellationToken.None);

        Assert.Equal((StepOutcome.NotAllowed, StepStatus.Pending), (result.Outcome, result.Step!.Status));
    }

    [Fact]
    public async Task Reassign_sends_card_to_new_owner()
    {
        var program = await _fixture.StartAsync("executive-outreach");

        await _fixture.Service.ActAsync(program.Current!.Id, "p-meg", new ReassignStep("p-sal"), CancellationToken.None);

        Assert.Equal("p-sal", _fixture.Notifier.Assigned[^1].Owner.Id);
    }

    [Fact]
    public async Task Snooze_sets_until()
    {
        var program = await _fixture.StartAsync("executive-outreach");

        var result = await _fixture.Service.ActAsync(program.Current!.Id, "p-meg", new SnoozeStep(TimeSpan.FromDays(3)), CancellationToken.None);

        Assert.Equal(_fixture.Database.Clock.GetUtcNow().AddDays(3), result.Step!.SnoozedUntil);
    }

    [Fact]
    public async Task Arriving_meeting_completes_step()
    {
        var program = await _fixture.StartAsync("custom-workshop");
        _fixture.Database.Clock.Advance(TimeSpan.FromHours(2));

        await IngestAsync("""[{"id":"mtg-1","accountId":"a-contoso","type":"meeting","function":"sales","occurredAt":"2026-03-20T10:00:00Z"}]""");

        var status = (await _fixture.Service.StatusAsync("a-contoso", CancellationToken.None)).Single();
        Assert.Equal((StepStatus.Done, true), (status.Steps[0].Status, status.Steps[0].CompletedByEvent));
    }

    [Fact]
    public async Task Arriving_meeting_sends_next_step()
    {
        await _fixture.StartAsync("custom-workshop");
        _fixture.Database.Clock.Advance(TimeSpan.FromHours(2));

        await IngestAsync("""[{"id":"mtg-1","accountId":"a-contoso","type":"meeting","function":"sales","occurredAt":"2026-03-20T10:00:00Z"}]""");

        Assert.Equal(("Prepare the customer's data", "p-cat"), (_fixture.Notifier.Assigned[^1].Title, _fixture.Notifier.Assigned[^1].Owner.Id));
    }

    [Fact]
    public async Task Meeting_before_start_completes_nothing()
    {
        await _fixture.StartAsync("custom-workshop");
        _fixture.Database.Clock.Advance(TimeSpan.FromHours(2));

        await IngestAsync("""[{"id":"mtg-0","accountId":"a-contoso","type":"meeting","function":"sales","occurredAt":"2026-03-19T10:00:00Z"}]""");

        var status = (await _fixture.Service.StatusAsync("a-contoso", CancellationToken.None)).Single();
        Assert.Equal(StepStatus.Pending, status.Steps[0].Status);
    }

    private async Task IngestAsync(string json)
    {
        var result = await _fixture.Ingestor().IngestAsync("crm", EventPayload.Parse(Encoding.UTF8.GetBytes(json)), CancellationToken.None);
        Assert.Empty(result.Errors);
    }
}
