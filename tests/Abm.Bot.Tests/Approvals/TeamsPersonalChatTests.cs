using System.Globalization;
using System.Text.Json.Nodes;
using Abm.Bot.Playbooks;
using Abm.Bot.Tests.Teams.Fakes;
using Abm.Core.Domain;
using Abm.Core.Playbooks;
using Abm.Core.TargetList;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Bot.Tests.Approvals;

/// <summary>
/// People who never wrote to the bot in Teams: Abm starts their personal chat with the Bot
/// Connector's create-conversation call, sends the card there and stores the chat.
/// </summary>
public sealed class TeamsPersonalChatTests : IAsyncLifetime
{
    private const string MaxChat = "a:created-29:max";

    private ApprovalHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ApprovalHost.StartAsync(approvalChannel: false);
        using var db = _host.Host.CreateDbContext();
        db.People.Add(new Person { Id = "p-ria", Name = "Ria Rep", Role = PersonRole.Rep, ManagerId = "p-max", TeamsUserId = "29:ria" });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Step_owner_gets_new_chat()
    {
        await ReassignToMaxAsync();

        var requests = _host.DrainRequests();
        var create = Assert.Single(requests, r => r.Path == "/connector/v3/conversations");
        Assert.Equal("POST", create.Method);
        Assert.Equal("29:max", create.Body!["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(ApprovalHost.TenantId, create.Body["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        Assert.Equal("28:" + TestKeys.AppId, create.Body["bot"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Step_card_goes_to_new_chat()
    {
        await ReassignToMaxAsync();

        var send = Assert.Single(_host.DrainRequests(), r => r.Path == "/connector/v3/conversations/" + Uri.EscapeDataString(MaxChat) + "/activities");
        Assert.Contains("Research the account and pick the personas", send.Body!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_chat_is_stored()
    {
        await ReassignToMaxAsync();

        using var db = _host.Host.CreateDbContext();
        var stored = await db.ConversationReferences.AsNoTracking().SingleAsync(r => r.ConversationId == MaxChat);
        Assert.Equal(("personal", "29:max", ApprovalHost.TenantId, true), (stored.ConversationType, stored.UserId, stored.TenantId, stored.IsActive));
    }

    [Fact]
    public async Task Stored_chat_is_reused()
    {
        var program = await ReassignToMaxAsync();
        _host.DrainRequests();

        (await _host.InvokeAsync("29:max", StepVerbs.Done, Data(program.Current!.Id))).Dispose();

        Assert.DoesNotContain(_host.DrainRequests(), r => r.Path == "/connector/v3/conversations");
    }

    [Fact]
    public async Task Approval_card_reaches_manager_without_chat()
    {
        var result = await _host.TargetList.ProposeAsync(new ProposalRequest("a-contoso", "Contoso Ltd", "contoso.com", "Met their CFO"), "p-ria", CancellationToken.None);
        Assert.True(result.Proposal is not null, result.Error);

        var requests = _host.DrainRequests();
        Assert.Contains(requests, r => r.Path == "/connector/v3/conversations" && r.Body!["members"]![0]!["id"]!.GetValue<string>() == "29:max");
        Assert.Contains(requests, r => r.Path == "/connector/v3/conversations/" + Uri.EscapeDataString(MaxChat) + "/activities");
    }

    /// <summary>Starts a program whose first step Rex owns, and Rex reassigns it to Max, who never wrote to the bot.</summary>
    private async Task<ProgramView> ReassignToMaxAsync()
    {
        var (program, error) = await _host.Host.Services.GetRequiredService<PlaybookService>().StartAsync("a-contoso", "outbound-sdr-sequence", "p-rex", CancellationToken.None);
        Assert.True(program is not null, error);
        var data = Data(program.Current!.Id);
        data[StepVerbs.NewOwnerKey] = "p-max";

        using var response = await _host.InvokeAsync("29:rex", StepVerbs.Reassign, data);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return program;
    }

    private static JsonObject Data(long stepId) => new() { [StepVerbs.StepIdKey] = stepId.ToString(CultureInfo.InvariantCulture) };
}
