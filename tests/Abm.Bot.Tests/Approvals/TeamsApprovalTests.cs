using System.Text.Json.Nodes;
using Abm.Bot.Approvals;
using Abm.Bot.Tests.Teams.Fakes;
using Abm.Core.TargetList;
using Microsoft.EntityFrameworkCore;

namespace Abm.Bot.Tests.Approvals;

public sealed class TeamsApprovalTests : IAsyncLifetime
{
    private ApprovalHost _host = null!;

    public async Task InitializeAsync() => _host = await ApprovalHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Proposal_card_goes_to_approval_channel()
    {
        await _host.ProposeAsync();

        var sent = Assert.Single(_host.DrainRequests());
        Assert.Equal(("POST", "/connector/v3/conversations/19%3Aapprovals%40thread.tacv2/activities"), (sent.Method, sent.Path));
    }

    [Fact]
    public async Task Proposal_card_refreshes_for_approvers()
    {
        await _host.ProposeAsync();

        var card = Assert.Single(_host.DrainRequests()).Body!["attachments"]![0]!["content"]!;
        Assert.Equal(["29:max", "29:mia"], card["refresh"]!["userIds"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task Channel_card_has_no_buttons()
    {
        await _host.ProposeAsync();

        var card = Assert.Single(_host.DrainRequests()).Body!["attachments"]![0]!["content"]!;
        Assert.DoesNotContain("\"targetlist.approve\"", card["body"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Personal_chat_card_has_buttons()
    {
        await using var host = await ApprovalHost.StartAsync(approvalChannel: false);
        await host.ProposeAsync();

        var sent = Assert.Single(host.DrainRequests());
        Assert.Equal("/connector/v3/conversations/a%3Amia/activities", sent.Path);
        Assert.Contains("\"targetlist.approve\"", sent.Body!["attachments"]![0]!["content"]!["body"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_approver_is_reported_to_requester()
    {
        await using var host = await ApprovalHost.StartAsync(approvalChannel: false);
        await ForgetMiaAsync(host);

        await host.ProposeAsync();

        var sent = Assert.Single(host.DrainRequests());
        Assert.Equal("/connector/v3/conversations/a%3Arex/activities", sent.Path);
        Assert.Contains("could not reach Mia Manager", sent.Body!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pending_approvals_delivers_missed_card_once()
    {
        await using var host = await ApprovalHost.StartAsync(approvalChannel: false);
        await ForgetMiaAsync(host);
        await host.ProposeAsync();
        host.DrainRequests();
        await RestoreMiaAsync(host);

        await host.TargetList.OfferPendingAsync("p-mia", CancellationToken.None);
        var first = host.DrainRequests();
        await host.TargetList.OfferPendingAsync("p-mia", CancellationToken.None);
        var second = host.DrainRequests();

        var sent = Assert.Single(first);
        Assert.Equal("/connector/v3/conversations/a%3Amia/activities", sent.Path);
        Assert.Contains("\"targetlist.approve\"", sent.Body!["attachments"]![0]!["content"]!["body"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(second);
    }

    /// <summary>Makes Mia a manager who never chatted with Abm: no Teams user id, no personal chat.</summary>
    private static async Task ForgetMiaAsync(ApprovalHost host)
    {
        await using var db = host.Host.CreateDbContext();
        await db.People.Where(p => p.Id == "p-mia").ExecuteUpdateAsync(u => u.SetProperty(p => p.TeamsUserId, (string?)null));
        await db.ConversationReferences.Where(r => r.ConversationId == "a:mia").ExecuteDeleteAsync();
    }

    /// <summary>Mia writes to Abm: her Teams user id and personal chat are known again.</summary>
    private static async Task RestoreMiaAsync(ApprovalHost host)
    {
        await using var db = host.Host.CreateDbContext();
        await db.People.Where(p => p.Id == "p-mia").ExecuteUpdateAsync(u => u.SetProperty(p => p.TeamsUserId, "29:mia"));
        var rex = await db.ConversationReferences.AsNoTracking().SingleAsync(r => r.ConversationId == "a:rex");
        db.ConversationReferences.Add(new Abm.Core.Domain.ConversationReference
        {
            Channel = rex.Channel,
            ConversationId = "a:mia",
            ServiceUrl = rex.ServiceUrl,
            ConversationType = "personal",
            TenantId = rex.TenantId,
            UserId = "29:mia",
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Refresh_gives_approver_the_buttons()
    {
        var proposal = await _host.ProposeAsync();

        var body = await BodyAsync(await _host.InvokeAsync("29:mia", ApprovalVerbs.Refresh, Data(proposal), "automatic"));

        Assert.Contains("\"targetlist.approve\"", body["value"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_gives_others_read_only()
    {
        var proposal = await _host.ProposeAsync();

        var body = await BodyAsync(await _host.InvokeAsync("29:sam", ApprovalVerbs.Refresh, Data(proposal), "automatic"));

        Assert.DoesNotContain("\"targetlist.approve\"", body["value"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parallel_decisions_decide_once_and_notify_once()
    {
        var proposal = await _host.ProposeAsync();
        var sent = Assert.Single(_host.DrainRequests());
        var approve = Data(proposal);
        var reject = Data(proposal);
        reject[ApprovalVerbs.ReasonKey] = nameof(RejectReason.PoorFit);

        var responses = await Task.WhenAll(
            _host.InvokeAsync("29:mia", ApprovalVerbs.Approve, approve),
            _host.InvokeAsync("29:max", ApprovalVerbs.Reject, reject),
            _host.InvokeAsync("29:mia", ApprovalVerbs.Approve, Data(proposal)),
            _host.InvokeAsync("29:mia", ApprovalVerbs.Approve, Data(proposal)));
        foreach (var response in responses)
        {
            response.Dispose();
        }

        await using var db = _host.Host.CreateDbContext();
        var decisions = await db.TargetListAudit.CountAsync(e => e.ProposalId == proposal.Id && e.Kind != AuditKind.Proposed);
        var requests = _host.DrainRequests();
        var updates = requests.Count(r => r.Method == "PUT");
        var outcomes = requests.Count(r => r.Method == "POST" && r.Path.Contains("a%3Arex", StringComparison.Ordinal));
        Assert.Equal((1, 1, 1), (decisions, updates, outcomes));
    }

    [Fact]
    public async Task Decision_updates_the_original_card()
    {
        var proposal = await _host.ProposeAsync();
        var sent = Assert.Single(_host.DrainRequests());
        var messageId = (await _host.TargetList.MessagesAsync(proposal.Id, CancellationToken.None)).Single().MessageId;

        (await _host.InvokeAsync("29:max", ApprovalVerbs.Approve, Data(proposal))).Dispose();

        var update = _host.DrainRequests().Single(r => r.Method == "PUT");
        Assert.EndsWith("/activities/" + Uri.EscapeDataString(messageId), update.Path, StringComparison.Ordinal);
        Assert.Contains("Approved by Max Manager", update.Body!.ToJsonString(), StringComparison.Ordinal);
        Assert.NotNull(sent);
    }

    [Fact]
    public async Task Reject_shows_reason_and_comment()
    {
        var proposal = await _host.ProposeAsync();
        var reject = Data(proposal);
        reject[ApprovalVerbs.ReasonKey] = nameof(RejectReason.AlreadyCovered);
        reject[ApprovalVerbs.CommentKey] = "The German team covers them";

        var body = await BodyAsync(await _host.InvokeAsync("29:mia", ApprovalVerbs.Reject, reject));

        Assert.Contains("Rejected by Mia Manager on", body["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Already covered by a parent or subsidiary: The German team covers them", body["value"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non_approver_gets_private_message()
    {
        var proposal = await _host.ProposeAsync();
        _host.DrainRequests();

        var body = await BodyAsync(await _host.InvokeAsync("29:sam", ApprovalVerbs.Approve, Data(proposal)));

        var expected = JsonNode.Parse(File.ReadAllText(SpecFiles.Path("teams", "invoke-responses", "adaptiveCard-action.200-message.json")))!;
        Assert.Equal(expected.AsObject().Select(p => p.Key).Order(), body.AsObject().Select(p => p.Key).Order());
        Assert.Equal(expected["type"]!.GetValue<string>(), body["type"]!.GetValue<string>());
        Assert.StartsWith("Only Mia Manager or Max Manager can decide", body["value"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non_approver_changes_nothing()
    {
        var proposal = await _host.ProposeAsync();
        _host.DrainRequests();

        (await _host.InvokeAsync("29:sam", ApprovalVerbs.Approve, Data(proposal))).Dispose();

        var current = await _host.TargetList.GetAsync(proposal.Id, CancellationToken.None);
        Assert.Equal((ProposalStatus.Pending, 0), (current!.Status, _host.DrainRequests().Count));
    }

    [Fact]
    public async Task Decision_response_matches_card_shape()
    {
        var proposal = await _host.ProposeAsync();

        var body = await BodyAsync(await _host.InvokeAsync("29:mia", ApprovalVerbs.Approve, Data(proposal)));

        var expected = JsonNode.Parse(File.ReadAllText(SpecFiles.Path("teams", "invoke-responses", "adaptiveCard-action.200-card.json")))!;
        Assert.Equal(expected.AsObject().Select(p => p.Key).Order(), body.AsObject().Select(p => p.Key).Order());
        Assert.Equal((200, expected["type"]!.GetValue<string>(), "1.5"), (body["statusCode"]!.GetValue<int>(), body["type"]!.GetValue<string>(), body["value"]!["version"]!.GetValue<string>()));
    }

    private static JsonObject Data(ProposalView proposal) => new() { [ApprovalVerbs.ProposalIdKey] = proposal.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private static async Task<JsonNode> BodyAsync(HttpResponseMessage response)
    {
        using (response)
        {
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        }
    }
}
