using System.Net;
using System.Text.Json.Nodes;
using Abm.Bot.Playbooks;
using Abm.Bot.Slack;
using Abm.Bot.Tests.Slack;
using Abm.Core.Domain;
using Abm.Core.Playbooks;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Bot.Tests.Approvals;

/// <summary>Step messages in Slack: the real host on loopback against a fake Slack Web API that checks each call.</summary>
public sealed class SlackPlaybookTests : IAsyncLifetime
{
    private const string RexChannel = "DUREX";
    private const string MessageTs = "1700000000.000001";

    private FakeSlackApi _api = null!;
    private SlackTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeSlackApi.StartAsync();
        _host = await SlackWorkflowHost.StartAsync(_api);
        await _host.SeedAsync(
            new Person { Id = "p-mia", Name = "Mia Manager", Role = PersonRole.Manager, SlackUserId = "UMIA" },
            new Person { Id = "p-rex", Name = "Rex Rep", Role = PersonRole.Rep, ManagerId = "p-mia", SlackUserId = "UREX" },
            new Person { Id = "p-sam", Name = "Sam Stranger", Role = PersonRole.Rep, SlackUserId = "USAM" },
            new Account { Id = "a-contoso", Name = "Contoso & Co", Domain = "contoso.com", OwnerId = "p-rex" });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Start_sends_step_by_direct_message()
    {
        await StartAsync();

        var posted = Assert.Single(_api.CallsTo("chat.postMessage"));
        Assert.Equal(RexChannel, posted.Arg("channel"));
        Assert.Contains("Research the account and pick the personas", posted.Body.GetRawText(), StringComparison.Ordinal);
        Assert.Empty(_api.Problems);
    }

    [Fact]
    public async Task Step_message_has_four_buttons()
    {
        await StartAsync();

        var actions = _api.CallsTo("chat.postMessage")[0].Body.GetProperty("blocks").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "actions");

        Assert.Equal(["Done", "Skip…", "Reassign…", "Snooze…"], actions.GetProperty("elements").EnumerateArray().Select(e => e.GetProperty("text").GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Done_updates_message_in_place()
    {
        await StartAsync();

        await ClickAsync("UREX", StepVerbs.Done);
        var update = (await _api.WaitForCallAsync("chat.update")).First(c => c.Method == "chat.update");

        Assert.Equal((RexChannel, MessageTs), (update.Arg("channel"), update.Arg("ts")));
        Assert.Contains("*Status*\\nDone", update.Body.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("\"actions\"", update.Body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Done_sends_next_step()
    {
        await StartAsync();

        await ClickAsync("UREX", StepVerbs.Done);
        await _api.WaitForCallAsync("chat.postMessage", c => c.Body.GetRawText().Contains("Send the first personalised email", StringComparison.Ordinal));

        Assert.Empty(_api.Problems);
    }

    [Fact]
    public async Task Stranger_gets_ephemeral_and_nothing_changes()
    {
        var program = await StartAsync();

        await ClickAsync("USAM", StepVerbs.Done);
        var ephemeral = (await _api.WaitForCallAsync("chat.postEphemeral")).First(c => c.Method == "chat.postEphemeral");

        Assert.Equal("USAM", ephemeral.Arg("user"));
        Assert.Equal(StepStatus.Pending, (await StepAsync(program)).Status);
        Assert.Empty(_api.CallsTo("chat.update"));
    }

    [Fact]
    public async Task Stranger_gets_no_modal()
    {
        await StartAsync();

        await ClickAsync("USAM", StepVerbs.Skip);
        await _api.WaitForCallAsync("chat.postEphemeral");

        Assert.Empty(_api.CallsTo("views.open"));
    }

    [Fact]
    public async Task Skip_opens_modal()
    {
        await StartAsync();

        var view = await OpenModalAsync(StepVerbs.Skip);

        Assert.Equal(StepBlocks.SkipCallbackId, view["callback_id"]!.GetValue<string>());
        Assert.Empty(_api.Problems);
    }

    [Fact]
    public async Task Skip_submission_keeps_reason()
    {
        var program = await StartAsync();
        var view = await OpenModalAsync(StepVerbs.Skip);

        await SubmitAsync(view, StepBlocks.ReasonBlockId, StepBlocks.ReasonActionId, SlackInteractionPayloads.Typed("Already in touch"));
        await _api.WaitForCallAsync("chat.update");

        var step = await StepAsync(program);
        Assert.Equal((StepStatus.Skipped, "Already in touch"), (step.Status, step.SkipReason));
    }

    [Fact]
    public async Task Blank_skip_reason_changes_nothing()
    {
        var program = await StartAsync();
        var view = await OpenModalAsync(StepVerbs.Skip);

        await SubmitAsync(view, StepBlocks.ReasonBlockId, StepBlocks.ReasonActionId, SlackInteractionPayloads.Typed("   "));
        var ephemeral = (await _api.WaitForCallAsync("chat.postEphemeral")).First(c => c.Method == "chat.postEphemeral");

        Assert.StartsWith("Say why you skip the step.", ephemeral.Arg("text"), StringComparison.Ordinal);
        Assert.Equal(StepStatus.Pending, (await StepAsync(program)).Status);
    }

    [Fact]
    public async Task Reassign_modal_loads_options()
    {
        await StartAsync();

        var view = await OpenModalAsync(StepVerbs.Reassign);
        var element = view["blocks"]![0]!["element"]!;

        Assert.Equal("external_select", element["type"]!.GetValue<string>());
        Assert.Equal(StepBlocks.OwnerActionId, element["action_id"]!.GetValue<string>());
        Assert.Equal(0, element["min_query_length"]!.GetValue<int>());
        Assert.Empty(_api.Problems);
    }

    [Fact]
    public async Task Suggestion_lists_others()
    {
        await StartAsync();
        var view = await OpenModalAsync(StepVerbs.Reassign);

        var values = await SuggestAsync(view, string.Empty);

        Assert.Equal(["p-mia", "p-sam"], values);
    }

    [Fact]
    public async Task Suggestion_reaches_large_team()
    {
        await _host.SeedAsync([.. Enumerable.Range(1, 150).Select(i => new Person { Id = $"p-{i:000}", Name = $"Zed {i:000}", Email = $"zed{i:000}@example.com" })]);
        await StartAsync();
        var view = await OpenModalAsync(StepVerbs.Reassign);

        Assert.Equal(100, (await SuggestAsync(view, string.Empty)).Count);
        Assert.Equal(["p-150"], await SuggestAsync(view, "zed 150"));
        Assert.Equal(["p-149"], await SuggestAsync(view, "ZED149@EXAMPLE"));
    }

    [Fact]
    public async Task Unsigned_suggestion_rejected()
    {
        var payload = SlackInteractionPayloads.Suggestion("UREX", StepBlocks.OwnerActionId, string.Empty, string.Empty);
        var body = System.Text.Encoding.UTF8.GetBytes(SlackTestHost.FormBody([new("payload", payload.ToJsonString())]));

        using var response = await _host.PostAsync(SlackServiceCollectionExtensions.InteractivityPath, body, "application/x-www-form-urlencoded", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_select_gets_no_options()
    {
        var payload = SlackInteractionPayloads.Suggestion("UREX", "some_other_select", string.Empty, string.Empty);

        using var response = await _host.PostFormAsync(SlackServiceCollectionExtensions.InteractivityPath, [new("payload", payload.ToJsonString())]);
        var options = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["options"]!.AsArray();

        Assert.Empty(options);
    }

    [Fact]
    public async Task Reassign_sends_card_to_new_owner()
    {
        var program = await StartAsync();
        var view = await OpenModalAsync(StepVerbs.Reassign);

        await SubmitAsync(view, StepBlocks.OwnerBlockId, StepBlocks.OwnerActionId, SlackInteractionPayloads.Selected("p-mia"));
        await _api.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == "DUMIA");
        await _api.WaitForCallAsync("chat.update");

        Assert.Equal("p-mia", (await StepAsync(program)).Owner.Id);
    }

    [Fact]
    public async Task Snooze_modal_offers_three_days()
    {
        await StartAsync();

        var view = await OpenModalAsync(StepVerbs.Snooze);

        Assert.Equal("3", view["blocks"]![0]!["element"]!["initial_option"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Snooze_submission_sets_until()
    {
        var program = await StartAsync();
        var view = await OpenModalAsync(StepVerbs.Snooze);
        var before = DateTimeOffset.UtcNow;

        await SubmitAsync(view, StepBlocks.SnoozeBlockId, StepBlocks.SnoozeActionId, SlackInteractionPayloads.Selected("7"));
        var update = (await _api.WaitForCallAsync("chat.update")).First(c => c.Method == "chat.update");

        var step = await StepAsync(program);
        Assert.Equal(StepStatus.Snoozed, step.Status);
        Assert.InRange(step.SnoozedUntil!.Value, before.AddDays(7), DateTimeOffset.UtcNow.AddDays(7));
        Assert.Contains("Snoozed until", update.Body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unoffered_snooze_changes_nothing()
    {
        var program = await StartAsync();
        var view = await OpenModalAsync(StepVerbs.Snooze);

        await SubmitAsync(view, StepBlocks.SnoozeBlockId, StepBlocks.SnoozeActionId, SlackInteractionPayloads.Selected("365"));
        await _api.WaitForCallAsync("chat.postEphemeral");

        Assert.Equal(StepStatus.Pending, (await StepAsync(program)).Status);
    }

    private PlaybookService Playbooks => _host.Services.GetRequiredService<PlaybookService>();

    private async Task<ProgramView> StartAsync()
    {
        var (program, error) = await Playbooks.StartAsync("a-contoso", "outbound-sdr-sequence", "p-rex", CancellationToken.None);
        return program ?? throw new InvalidOperationException(error);
    }

    private async Task<StepView> StepAsync(ProgramView program) =>
        await Playbooks.GetStepAsync(program.Steps[0].Id, CancellationToken.None) ?? throw new InvalidOperationException("The step is gone.");

    /// <summary>Clicks a button on the first step message, as Slack posts it; Abm must acknowledge with 200 before doing the work.</summary>
    private async Task ClickAsync(string userId, string verb)
    {
        var payload = SlackInteractionPayloads.Click(_api.CallsTo("chat.postMessage")[0], verb, userId, RexChannel, MessageTs);
        using var response = await _host.PostFormAsync(SlackServiceCollectionExtensions.InteractivityPath, [new("payload", payload.ToJsonString())]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Clicks the button as the owner and returns the view Abm opened.</summary>
    private async Task<JsonObject> OpenModalAsync(string verb)
    {
        await ClickAsync("UREX", verb);
        var open = (await _api.WaitForCallAsync("views.open")).First(c => c.Method == "views.open");
        Assert.Equal("trigger-UREX", open.Arg("trigger_id"));
        return JsonNode.Parse(open.Body.GetProperty("view").GetRawText())!.AsObject();
    }

    /// <summary>Asks for the Reassign select's options as Slack does while the owner types, and returns their values.</summary>
    private async Task<List<string>> SuggestAsync(JsonObject view, string typed)
    {
        var payload = SlackInteractionPayloads.Suggestion("UREX", StepBlocks.OwnerActionId, typed, view["private_metadata"]!.GetValue<string>());
        using var response = await _host.PostFormAsync(SlackServiceCollectionExtensions.InteractivityPath, [new("payload", payload.ToJsonString())]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var options = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["options"]!.AsArray();
        return [.. options.Select(o => o!["value"]!.GetValue<string>())];
    }

    private async Task SubmitAsync(JsonObject view, string blockId, string actionId, JsonObject state)
    {
        var values = new JsonObject { [blockId] = new JsonObject { [actionId] = state } };
        var payload = SlackInteractionPayloads.Submission("UREX", view["callback_id"]!.GetValue<string>(), view["private_metadata"]!.GetValue<string>(), values);
        using var response = await _host.PostFormAsync(SlackServiceCollectionExtensions.InteractivityPath, [new("payload", payload.ToJsonString())]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
