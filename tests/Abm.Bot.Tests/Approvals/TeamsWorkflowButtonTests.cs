using System.Text.Json.Nodes;
using Abm.Bot.Alerts;
using Abm.Bot.Cards;
using Abm.Bot.Tests.Cards;
using Abm.Core.Alerts;
using Abm.Core.Answers;
using Abm.Core.Playbooks;
using Abm.Core.Scoring;
using Abm.Core.TargetList;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Bot.Tests.Approvals;

/// <summary>
/// "Propose for target list" and "Start a playbook" on account and alert cards, clicked in Teams
/// through the real host: the invoke reaches the same proposal and playbook flow as chat.
/// </summary>
public sealed class TeamsWorkflowButtonTests : IAsyncLifetime
{
    private ApprovalHost _host = null!;

    public async Task InitializeAsync() => _host = await ApprovalHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Propose_click_creates_one_proposal()
    {
        var body = await InvokeAsync(WorkflowVerbs.Propose, ProposeData());

        await using var db = _host.Host.CreateDbContext();
        Assert.Equal(1, await db.Set<TargetListProposal>().CountAsync(p => p.AccountId == "a-contoso"));
        Assert.Contains("Proposed Contoso Ltd for the Target Account List", body["value"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Propose_click_stores_reason()
    {
        await InvokeAsync(WorkflowVerbs.Propose, ProposeData());

        await using var db = _host.Host.CreateDbContext();
        var proposal = await db.Set<TargetListProposal>().SingleAsync();
        Assert.Equal(("Met their CFO at the summit", "p-rex"), (proposal.Rationale, proposal.RequesterId));
    }

    [Fact]
    public async Task Propose_double_click_creates_one_proposal()
    {
        await InvokeAsync(WorkflowVerbs.Propose, ProposeData());
        var second = await InvokeAsync(WorkflowVerbs.Propose, ProposeData());

        await using var db = _host.Host.CreateDbContext();
        Assert.Equal(1, await db.Set<TargetListProposal>().CountAsync());
        Assert.Contains("already waits for approval", second["value"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Propose_click_sends_one_approval_card()
    {
        await InvokeAsync(WorkflowVerbs.Propose, ProposeData());

        var sent = Assert.Single(_host.DrainRequests());
        Assert.Equal("/connector/v3/conversations/19%3Aapprovals%40thread.tacv2/activities", sent.Path);
    }

    [Fact]
    public async Task Playbook_click_lists_playbooks()
    {
        var body = await InvokeAsync(WorkflowVerbs.ChoosePlaybook, new JsonObject { [ReplyVerbs.AccountIdKey] = "a-contoso" });

        var card = body["value"]!.ToJsonString();
        Assert.Contains("\"outbound-sdr-sequence\"", card, StringComparison.Ordinal);
        Assert.Contains($"\"{WorkflowVerbs.StartPlaybook}\"", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Playbook_click_starts_one_program()
    {
        var data = new JsonObject { [ReplyVerbs.AccountIdKey] = "a-contoso", [WorkflowVerbs.PlaybookKey] = "outbound-sdr-sequence" };

        var body = await InvokeAsync(WorkflowVerbs.StartPlaybook, data);

        var programs = await _host.Host.Services.GetRequiredService<PlaybookService>().StatusAsync("a-contoso", CancellationToken.None);
        Assert.Single(programs);
        Assert.Contains("Started", body["value"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Alert_card_offers_workflow_buttons()
    {
        var card = CardJson.ToElement(AlertCards.Card(AlertView()));

        var json = card.GetRawText();
        Assert.Contains($"\"{WorkflowVerbs.Propose}\"", json, StringComparison.Ordinal);
        Assert.Contains($"\"{WorkflowVerbs.ChoosePlaybook}\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Alert_card_validates()
    {
        var card = AlertCards.Card(AlertView());

        Assert.Empty(CardSchema.Validate(card));
    }

    private static JsonObject ProposeData() => new()
    {
        [ReplyVerbs.AccountIdKey] = "a-contoso",
        [WorkflowVerbs.ReasonKey] = "Met their CFO at the summit",
    };

    private async Task<JsonNode> InvokeAsync(string verb, JsonObject data)
    {
        using var response = await _host.InvokeAsync("29:rex", verb, data);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static AlertView AlertView() => AlertViews.Create(
        new Alert
        {
            Id = 9,
            AccountId = "a-contoso",
            AccountName = "Contoso Ltd",
            Rule = AlertRules.BandUp,
            RulesVersion = "1",
            OldBand = EngagementBand.Warm,
            NewBand = EngagementBand.Hot,
            Score = 81,
            ScoreChange = 12,
            FitTier = FitTier.B,
            Status = AlertStatus.Open,
        },
        "Rex Rep",
        null);
}
