using System.Globalization;
using System.Text.Json.Nodes;
using Abm.Bot.Playbooks;
using Abm.Core.Domain;
using Abm.Core.Playbooks;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Bot.Tests.Approvals;

/// <summary>Step cards in Teams through the real host: Done moves on and the next step reaches its owner.</summary>
public sealed class TeamsPlaybookTests : IAsyncLifetime
{
    private ApprovalHost _host = null!;

    public async Task InitializeAsync() => _host = await ApprovalHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Start_sends_first_step_to_owner()
    {
        await StartAsync();

        var sent = Assert.Single(_host.DrainRequests());
        Assert.Contains("Research the account and pick the personas", sent.Body!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Done_sends_next_step()
    {
        var program = await StartAsync();
        _host.DrainRequests();

        (await _host.InvokeAsync("29:rex", StepVerbs.Done, Data(program.Current!.Id))).Dispose();

        var sent = Assert.Single(_host.DrainRequests());
        Assert.Equal(("POST", true), (sent.Method, sent.Body!.ToJsonString().Contains("Send the first personalised email", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Stranger_gets_private_message()
    {
        var program = await StartAsync();

        using var response = await _host.InvokeAsync("29:sam", StepVerbs.Done, Data(program.Current!.Id));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Evidence_updates_sent_card()
    {
        var program = await StartAsync("custom-workshop");
        _host.DrainRequests();

        await CompleteByMeetingAsync();
        var requests = _host.DrainRequests();

        var sentId = (await Playbooks.MessagesAsync(program.Steps[0].Id, CancellationToken.None))[0].MessageId;
        var update = Assert.Single(requests, r => r.Method == "PUT");
        Assert.EndsWith("/v3/conversations/a%3Arex/activities/" + Uri.EscapeDataString(sentId), update.Path, StringComparison.Ordinal);
        Assert.Contains("Done automatically", update.Body!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Action.Execute", update.Body!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evidence_sends_next_card_after_update()
    {
        await StartAsync("custom-workshop");
        _host.DrainRequests();

        await CompleteByMeetingAsync();
        var requests = _host.DrainRequests();

        Assert.Equal(["PUT", "POST"], requests.Select(r => r.Method));
        Assert.Contains("Prepare the customer", requests[1].Body!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Large_team_card_offers_typed_owner()
    {
        await SeedTeamAsync(60);
        await StartAsync();

        var card = Assert.Single(_host.DrainRequests()).Body!.ToJsonString();

        Assert.Contains(StepVerbs.NewOwnerQueryKey, card, StringComparison.Ordinal);
        Assert.Contains("the first 50 of 63 people", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Small_team_card_lists_everyone()
    {
        var program = await StartAsync();

        var card = Assert.Single(_host.DrainRequests()).Body!.ToJsonString();

        Assert.DoesNotContain(StepVerbs.NewOwnerQueryKey, card, StringComparison.Ordinal);
        Assert.Equal(StepStatus.Pending, program.Current!.Status);
    }

    [Fact]
    public async Task Typed_owner_reassigns()
    {
        await SeedTeamAsync(60);
        var program = await StartAsync();
        var data = Data(program.Current!.Id);
        data[StepVerbs.NewOwnerQueryKey] = "zed 060";

        (await _host.InvokeAsync("29:rex", StepVerbs.Reassign, data)).Dispose();

        Assert.Equal("p-060", (await Playbooks.GetStepAsync(program.Current.Id, CancellationToken.None))!.Owner.Id);
    }

    [Fact]
    public async Task Ambiguous_owner_changes_nothing()
    {
        await SeedTeamAsync(60);
        var program = await StartAsync();
        var data = Data(program.Current!.Id);
        data[StepVerbs.NewOwnerQueryKey] = "zed";

        using var response = await _host.InvokeAsync("29:rex", StepVerbs.Reassign, data);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Contains("Several people match", body, StringComparison.Ordinal);
        Assert.Equal("p-rex", (await Playbooks.GetStepAsync(program.Current.Id, CancellationToken.None))!.Owner.Id);
    }

    /// <summary>Adds people Zed 001 to Zed <paramref name="count"/>, none of them in Teams.</summary>
    private async Task SeedTeamAsync(int count)
    {
        using var db = _host.Host.CreateDbContext();
        db.People.AddRange(Enumerable.Range(1, count).Select(i => new Person { Id = $"p-{i:000}", Name = $"Zed {i:000}", Email = $"zed{i:000}@example.com" }));
        await db.SaveChangesAsync();
    }

    private PlaybookService Playbooks => _host.Host.Services.GetRequiredService<PlaybookService>();

    /// <summary>Stores a meeting with Contoso and hands it to the playbooks, as ingestion does after it commits.</summary>
    private async Task CompleteByMeetingAsync()
    {
        var meeting = new EngagementEvent { AccountId = "a-contoso", Type = "meeting", Source = "crm", SourceId = "mtg-1", OccurredAt = DateTimeOffset.UtcNow.AddSeconds(1) };
        using (var db = _host.Host.CreateDbContext())
        {
            db.Events.Add(meeting);
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, await Playbooks.CompleteByEventsAsync([meeting], CancellationToken.None));
    }

    private async Task<ProgramView> StartAsync(string templateId = "outbound-sdr-sequence")
    {
        var (program, error) = await Playbooks.StartAsync("a-contoso", templateId, "p-rex", CancellationToken.None);
        return program ?? throw new InvalidOperationException(error);
    }

    private static JsonObject Data(long stepId) => new() { [StepVerbs.StepIdKey] = stepId.ToString(CultureInfo.InvariantCulture) };
}
