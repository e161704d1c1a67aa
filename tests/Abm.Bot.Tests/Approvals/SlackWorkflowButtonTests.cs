using System.Text.Json.Nodes;
using Abm.Bot.Approvals;
using Abm.Bot.Slack;
using Abm.Bot.Slack.BlockKit;
using Abm.Bot.Tests.Slack;
using Abm.Core.Domain;
using Abm.Core.TargetList;
using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Bot.Tests.Approvals;

/// <summary>
/// "Propose for target list" on a Slack account or alert message: the button opens a modal for
/// the reason, and the submission runs the same proposal flow as chat. The real host runs on
/// loopback against a fake Slack Web API that checks each call.
/// </summary>
public sealed class SlackWorkflowButtonTests : IAsyncLifetime
{
    private const string Channel = "C0ACCOUNTS";

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
        });
        await _host.SeedAsync(
            new Person { Id = "p-mia", Name = "Mia Manager", Role = PersonRole.Manager, SlackUserId = "UMIA" },
            new Person { Id = "p-rex", Name = "Rex Rep", Role = PersonRole.Rep, ManagerId = "p-mia", SlackUserId = "UREX" },
            new Account { Id = "a-contoso", Name = "Contoso Ltd", Domain = "contoso.com", OwnerId = "p-rex" });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Propose_button_opens_reason_modal()
    {
        await ClickProposeAsync();
        await _api.WaitForCallAsync("views.open");

        var view = _api.CallsTo("views.open")[0].Body.GetProperty("view");
        Assert.Equal(SlackProposeHandler.CallbackId, view.GetProperty("callback_id").GetString());
    }

    [Fact]
    public async Task Propose_button_alone_creates_nothing()
    {
        await ClickProposeAsync();
        await _api.WaitForCallAsync("views.open");

        Assert.Equal(0, await ProposalCountAsync());
    }

    [Fact]
    public async Task Propose_submission_creates_one_proposal()
    {
        var metadata = await OpenModalAsync();

        await SubmitAsync(metadata, "V1");
        await _api.WaitForCallAsync("chat.postEphemeral");

        Assert.Equal(1, await ProposalCountAsync());
        Assert.StartsWith("Proposed Contoso Ltd for the Target Account List", _api.CallsTo("chat.postEphemeral")[0].Arg("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Propose_submission_tells_rep_in_channel()
    {
        var metadata = await OpenModalAsync();

        await SubmitAsync(metadata, "V1");
        await _api.WaitForCallAsync("chat.postEphemeral");

        var ephemeral = _api.CallsTo("chat.postEphemeral")[0];
        Assert.Equal((Channel, "UREX"), (ephemeral.Arg("channel"), ephemeral.Arg("user")));
    }

    [Fact]
    public async Task Repeated_submissions_create_one_proposal()
    {
        var metadata = await OpenModalAsync();

        await SubmitAsync(metadata, "V1");
        await SubmitAsync(metadata, "V2");
        await _api.WaitForCallAsync("chat.postEphemeral", c => c.Arg("text")?.Contains("already waits", StringComparison.Ordinal) == true);

        Assert.Equal(1, await ProposalCountAsync());
        Assert.Single(_api.CallsTo("chat.postMessage"), c => c.Arg("channel") == "DUMIA");
    }

    [Fact]
    public async Task Propose_submission_stores_reason()
    {
        var metadata = await OpenModalAsync();

        await SubmitAsync(metadata, "V1");
        await _api.WaitForCallAsync("chat.postEphemeral");

        await using var scope = _host.Services.CreateAsyncScope();
        var proposal = await scope.ServiceProvider.GetRequiredService<AbmDbContext>().Set<TargetListProposal>().SingleAsync();
        Assert.Equal(("Met their CFO at the summit", "p-rex"), (proposal.Rationale, proposal.RequesterId));
    }

    [Fact]
    public void Metadata_round_trips()
    {
        var modal = SlackProposeHandler.Modal("a|b", "C1");

        Assert.True(SlackProposeHandler.TryReadMetadata(modal.PrivateMetadata, out var accountId, out var channel));
        Assert.Equal(("a|b", "C1"), (accountId, channel));
    }

    private async Task<int> ProposalCountAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AbmDbContext>().Set<TargetListProposal>().CountAsync();
    }

    private async Task<string> OpenModalAsync()
    {
        await ClickProposeAsync();
        await _api.WaitForCallAsync("views.open");
        return _api.CallsTo("views.open")[0].Body.GetProperty("view").GetProperty("private_metadata").GetString()!;
    }

    /// <summary>Clicks "Propose for target list" on an account message, as Slack posts the click.</summary>
    private async Task ClickProposeAsync()
    {
        var composer = new MessageComposer();
        composer.Button(WorkflowVerbs.ProposeAction("a-contoso"));
        var button = (ButtonElement)((ActionsBlock)composer.Build("Contoso Ltd").Blocks[^1]).Elements[0];
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = "UREX", ["team_id"] = "T1" },
            ["team"] = new JsonObject { ["id"] = "T1" },
            ["trigger_id"] = "trigger-UREX",
            ["container"] = new JsonObject { ["type"] = "message", ["channel_id"] = Channel, ["message_ts"] = "1700000000.000002" },
            ["actions"] = new JsonArray(new JsonObject
            {
                ["action_id"] = button.ActionId,
                ["value"] = button.Value,
                ["action_ts"] = Guid.NewGuid().ToString("N"),
            }),
        };
        using var response = await _host.PostFormAsync(SlackServiceCollectionExtensions.InteractivityPath, [new("payload", payload.ToJsonString())]);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    private async Task SubmitAsync(string metadata, string viewId)
    {
        var payload = new JsonObject
        {
            ["type"] = "view_submission",
            ["user"] = new JsonObject { ["id"] = "UREX", ["team_id"] = "T1" },
            ["team"] = new JsonObject { ["id"] = "T1" },
            ["view"] = new JsonObject
            {
                ["id"] = viewId,
                ["hash"] = "h-" + viewId,
                ["callback_id"] = SlackProposeHandler.CallbackId,
                ["private_metadata"] = metadata,
                ["state"] = new JsonObject
                {
                    ["values"] = new JsonObject
                    {
                        [SlackProposeHandler.ReasonBlockId] = new JsonObject
                        {
                            [SlackProposeHandler.ReasonActionId] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "Met their CFO at the summit" },
                        },
                    },
                },
            },
        };
        using var response = await _host.PostFormAsync(SlackServiceCollectionExtensions.InteractivityPath, [new("payload", payload.ToJsonString())]);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
