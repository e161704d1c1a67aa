using System.Text.Json;
using System.Text.Json.Nodes;
using Abm.Bot.Approvals;
using Abm.Bot.Slack;
using Abm.Bot.Tests.Slack;
using Abm.Core.Domain;
using Abm.Core.TargetList;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Bot.Tests.Approvals;

/// <summary>Approvals in Slack: the real host on loopback against a fake Slack Web API that checks each call.</summary>
public sealed class SlackApprovalTests : IAsyncLifetime
{
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
            new Account { Id = "a-contoso", Name = "Contoso Ltd", Domain = "contoso.com", OwnerId = "p-rex" });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Proposal_goes_to_manager_by_direct_message()
    {
        await ProposeAsync();

        Assert.Equal("DUMIA", _api.CallsTo("chat.postMessage").Single().Arg("channel"));
    }

    [Fact]
    public async Task Non_approver_gets_ephemeral_and_nothing_changes()
    {
        var proposal = await ProposeAsync();

        await ClickAsync("USAM", ApprovalVerbs.Approve);
        await _api.WaitForCallAsync("chat.postEphemeral");

        var current = await TargetList.GetAsync(proposal.Id, CancellationToken.None);
        Assert.Equal((ProposalStatus.Pending, 0), (current!.Status, _api.CallsTo("chat.update").Count));
    }

    [Fact]
    public async Task Approve_updates_the_message()
    {
        await ProposeAsync();

        await ClickAsync("UMIA", ApprovalVerbs.Approve);
        await _api.WaitForCallAsync("chat.update");

        Assert.Contains("Approved by Mia Manager", _api.CallsTo("chat.update")[0].Body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_tells_requester()
    {
        await ProposeAsync();

        await ClickAsync("UMIA", ApprovalVerbs.Approve);
        await _api.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == "DUREX");

        Assert.StartsWith("Your proposal to add Contoso Ltd", _api.CallsTo("chat.postMessage").Last(c => c.Arg("channel") == "DUREX").Arg("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reject_opens_modal()
    {
        await ProposeAsync();

        await ClickAsync("UMIA", ApprovalVerbs.Reject);
        await _api.WaitForCallAsync("views.open");

        Assert.Equal(ApprovalBlocks.RejectCallbackId, _api.CallsTo("views.open")[0].Body.GetProperty("view").GetProperty("callback_id").GetString());
    }

    [Fact]
    public async Task Reject_submission_records_reason()
    {
        var proposal = await ProposeAsync();
        await ClickAsync("UMIA", ApprovalVerbs.Reject);
        await _api.WaitForCallAsync("views.open");
        var view = _api.CallsTo("views.open")[0].Body.GetProperty("view");

        using var response = await SubmitAsync("UMIA", view.GetProperty("private_metadata").GetString()!, nameof(RejectReason.PoorFit), "Too small");
        await _api.WaitForCallAsync("chat.update");

        var current = await TargetList.GetAsync(proposal.Id, CancellationToken.None);
        Assert.Equal((ProposalStatus.Rejected, RejectReason.PoorFit, "Too small"), (current!.Status, current.RejectReason, current.DecisionComment));
    }

    private TargetListService TargetList => _host.Services.GetRequiredService<TargetListService>();

    private async Task<ProposalView> ProposeAsync()
    {
        var result = await TargetList.ProposeAsync(new ProposalRequest("a-contoso", "Contoso Ltd", "contoso.com", "Big event lead"), "p-rex", CancellationToken.None);
        return result.Proposal ?? throw new InvalidOperationException(result.Error);
    }

    /// <summary>Clicks the button with the verb on the approval message, as Slack posts it.</summary>
    private async Task ClickAsync(string userId, string verb)
    {
        var message = _api.CallsTo("chat.postMessage")[0];
        var button = message.Body.GetProperty("blocks").EnumerateArray()
            .Where(b => b.GetProperty("type").GetString() == "actions")
            .SelectMany(b => b.GetProperty("elements").EnumerateArray())
            .First(e => e.GetProperty("action_id").GetString()!.EndsWith(verb, StringComparison.Ordinal));
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = userId, ["team_id"] = "T1" },
            ["team"] = new JsonObject { ["id"] = "T1" },
            ["trigger_id"] = "trigger-" + userId,
            ["container"] = new JsonObject { ["type"] = "message", ["channel_id"] = "DUMIA", ["message_ts"] = "1700000000.000001" },
            ["actions"] = new JsonArray(new JsonObject
            {
                ["action_id"] = button.GetProperty("action_id").GetString(),
                ["value"] = button.GetProperty("value").GetString(),
                ["action_ts"] = Guid.NewGuid().ToString("N"),
            }),
        };
        using var response = await _host.PostFormAsync(SlackServiceCollectionExtensions.InteractivityPath, [new("payload", payload.ToJsonString())]);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    private Task<HttpResponseMessage> SubmitAsync(string userId, string metadata, string reason, string comment)
    {
        var payload = new JsonObject
        {
            ["type"] = "view_submission",
            ["user"] = new JsonObject { ["id"] = userId, ["team_id"] = "T1" },
            ["team"] = new JsonObject { ["id"] = "T1" },
            ["view"] = new JsonObject
            {
                ["id"] = "V1",
                ["hash"] = "h1",
                ["callback_id"] = ApprovalBlocks.RejectCallbackId,
                ["private_metadata"] = metadata,
                ["state"] = new JsonObject
                {
                    ["values"] = new JsonObject
                    {
                        [ApprovalBlocks.ReasonBlockId] = new JsonObject { [ApprovalBlocks.ReasonActionId] = new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = reason } } },
                        [ApprovalBlocks.CommentBlockId] = new JsonObject { [ApprovalBlocks.CommentActionId] = new JsonObject { ["type"] = "plain_text_input", ["value"] = comment } },
                    },
                },
            },
        };
        return _host.PostFormAsync(SlackServiceCollectionExtensions.InteractivityPath, [new("payload", payload.ToJsonString())]);
    }
}
