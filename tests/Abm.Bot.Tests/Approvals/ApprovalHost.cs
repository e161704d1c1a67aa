using System.Text.Json.Nodes;
using Abm.Bot.Tests.Teams.Fakes;
using Abm.Core.Domain;
using Abm.Core.TargetList;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Bot.Tests.Approvals;

/// <summary>
/// The real bot on loopback with a fake Bot Framework, a seeded sales team with Teams ids and
/// personal conversations, and an approval channel whose approvers are two managers.
/// </summary>
public sealed class ApprovalHost : IAsyncDisposable
{
    public const string ApprovalChannel = "19:approvals@thread.tacv2";

    /// <summary>The tenant every seeded conversation reference carries, as Teams' activities do.</summary>
    public const string TenantId = "tenant-1";

    private readonly TestKeys _keys;

    private ApprovalHost(TestKeys keys, FakeBotFramework fake, BotTestHost host)
    {
        _keys = keys;
        Fake = fake;
        Host = host;
    }

    public FakeBotFramework Fake { get; }

    public BotTestHost Host { get; }

    /// <summary>
    /// Starts the host. Without the approval channel, the card goes to the requester's manager
    /// (Mia) in her personal chat.
    /// </summary>
    public static async Task<ApprovalHost> StartAsync(bool approvalChannel = true)
    {
        var keys = new TestKeys();
        var fake = await FakeBotFramework.StartAsync(keys);
        var settings = approvalChannel
            ? new Dictionary<string, string?>
            {
                ["Abm:TargetList:ApprovalChannel"] = ApprovalChannel,
                ["Abm:TargetList:ApproverIds:0"] = "p-mia",
                ["Abm:TargetList:ApproverIds:1"] = "p-max",
            }
            : [];
        // The fake assistant replaces the host's chain, so the workflow commands and buttons are wrapped around it again.
        var host = await BotTestHost.StartAsync(fake, settings: settings, configureServices: services => services.AddAbmTargetList());
        var approvalHost = new ApprovalHost(keys, fake, host);
        approvalHost.Seed();
        return approvalHost;
    }

    public TargetListService TargetList => Host.Services.GetRequiredService<TargetListService>();

    /// <summary>Rex proposes Contoso; the card goes to the approval channel.</summary>
    public async Task<ProposalView> ProposeAsync()
    {
        var result = await TargetList.ProposeAsync(new ProposalRequest("a-contoso", "Contoso Ltd", "contoso.com", "Met their CFO at the summit"), "p-rex", CancellationToken.None);
        return result.Proposal ?? throw new InvalidOperationException(result.Error);
    }

    /// <summary>An adaptiveCard/action invoke from a Teams user in the approval channel.</summary>
    public Task<HttpResponseMessage> InvokeAsync(string teamsUserId, string verb, JsonObject data, string trigger = "manual")
    {
        var activity = FakeBotFramework.LoadActivity(SpecFiles.Path("teams", "activities", "invoke-adaptiveCard-action.channel.composite.json"));
        activity["from"] = new JsonObject { ["id"] = teamsUserId, ["name"] = teamsUserId };
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = trigger,
        };
        return Host.PostSampleAsync(activity);
    }

    /// <summary>Every connector request so far, without waiting.</summary>
    public List<ConnectorRequest> DrainRequests()
    {
        var requests = new List<ConnectorRequest>();
        while (Fake.TryTakeRequest(out var request))
        {
            requests.Add(request!);
        }

        return requests;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Fake.DisposeAsync();
        _keys.Dispose();
    }

    private void Seed()
    {
        using var db = Host.CreateDbContext();
        db.People.AddRange(
            new Person { Id = "p-mia", Name = "Mia Manager", Role = PersonRole.Manager, TeamsUserId = "29:mia" },
            new Person { Id = "p-max", Name = "Max Manager", Role = PersonRole.Manager, TeamsUserId = "29:max" },
            new Person { Id = "p-rex", Name = "Rex Rep", Role = PersonRole.Rep, ManagerId = "p-mia", TeamsUserId = "29:rex" },
            new Person { Id = "p-sam", Name = "Sam Stranger", Role = PersonRole.Rep, TeamsUserId = "29:sam" });
        db.Accounts.Add(new Account { Id = "a-contoso", Name = "Contoso Ltd", Domain = "contoso.com", Industry = "Software", Employees = 5000, OwnerId = "p-rex" });
        db.ConversationReferences.AddRange(
            Reference(ApprovalChannel, "channel", null),
            Reference("a:rex", "personal", "29:rex"),
            Reference("a:mia", "personal", "29:mia"));
        db.SaveChanges();
    }

    private ConversationReference Reference(string id, string type, string? userId) => new()
    {
        Channel = "msteams",
        ConversationId = id,
        ServiceUrl = Fake.ServiceUrl,
        ConversationType = type,
        TenantId = TenantId,
        UserId = userId,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };
}
