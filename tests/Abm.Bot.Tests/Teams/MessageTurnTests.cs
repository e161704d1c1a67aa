using System.Net;
using System.Text.Json.Nodes;
using Abm.Bot.Tests.Teams.Fakes;
using Abm.Core.Domain;
using Abm.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Bot.Tests.Teams;

public sealed class MessageTurnTests : IAsyncLifetime
{
    private readonly TestKeys _keys = new();
    private FakeBotFramework _fake = null!;
    private BotTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeBotFramework.StartAsync(_keys);
        _host = await BotTestHost.StartAsync(_fake);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _fake.DisposeAsync();
        _keys.Dispose();
    }

    [Fact]
    public async Task PersonalMessage_RepliesWithCardThroughConnector()
    {
        var activity = FakeBotFramework.LoadActivity(SpecFiles.Path("teams", "activities", "message-personal.recorded.json"));
        var conversationId = activity["conversation"]!["id"]!.GetValue<string>();

        using var response = await _host.PostSampleAsync(activity);
        var reply = await _fake.NextRequestAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("POST", reply.Method);
        Assert.Equal($"/connector/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/1571691217375", reply.Path);
        Assert.Equal("Bearer " + FakeBotFramework.IssuedToken, reply.Authorization);
        Assert.Equal("message", reply.Body!["type"]!.GetValue<string>());
        Assert.Equal("1571691217375", reply.Body["replyToId"]!.GetValue<string>());
        Assert.Null(reply.Body["text"]);
        var attachment = Assert.Single(reply.Body["attachments"]!.AsArray());
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment!["contentType"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", attachment["content"]!["type"]!.GetValue<string>());
        Assert.Contains("echo: file", attachment["content"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutboundToken_ComesFromClientCredentials()
    {
        var activity = FakeBotFramework.LoadActivity(SpecFiles.Path("teams", "activities", "message-personal.recorded.json"));

        await _host.PostSampleAsync(activity);
        await _fake.NextRequestAsync();
        Assert.True(_fake.TokenRequests.TryPeek(out var form));

        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(TestKeys.AppId, form["client_id"]);
        Assert.Equal("test-secret", form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
    }

    [Fact]
    public async Task ChannelMention_RepliesIntoThreadWithoutMention()
    {
        var activity = FakeBotFramework.LoadActivity(SpecFiles.Path("teams", "activities", "message-channel-mention.recorded.json"));

        await _host.PostSampleAsync(activity);
        var reply = await _fake.NextRequestAsync();

        Assert.Equal("/connector/v3/conversations/19%3A097e6717fd7245bdbeba6baa13840db8%40thread.skype%3Bmessageid%3D1571537152320/activities/1571537152320", reply.Path);
        Assert.True(_host.Assistant.Questions.TryPeek(out var asked));
        Assert.Equal("1", asked.Question);
        Assert.Equal("msteams", asked.Asker.Channel);
        Assert.Equal("Dave Taniguchi", asked.Asker.DisplayName);
    }

    [Theory]
    [InlineData("<p><at>My Combined</at>&nbsp;top 2 accounts</p>", "top 2 accounts")]
    [InlineData("<div><div><at>My Combined</at> tell me about Quillmere&nbsp;Analytics</div>\n</div>", "tell me about Quillmere Analytics")]
    public async Task HtmlChannelMention_AsksPlainText(string text, string expected)
    {
        var activity = FakeBotFramework.LoadActivity(SpecFiles.Path("teams", "activities", "message-channel-mention.recorded.json"));
        activity["text"] = text;
        activity["textFormat"] = "xml";

        await _host.PostSampleAsync(activity);
        await _fake.NextRequestAsync();

        Assert.True(_host.Assistant.Questions.TryPeek(out var asked));
        Assert.Equal(expected, asked.Question);
    }

    [Fact]
    public async Task MissingText_AsksForHelp()
    {
        var activity = FakeBotFramework.LoadActivity(SpecFiles.Path("teams", "activities", "message-personal.recorded.json"));
        activity.Remove("text");

        using var response = await _host.PostSampleAsync(activity);
        await _fake.NextRequestAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(_host.Assistant.Questions.TryPeek(out var asked));
        Assert.Equal("help", asked.Question);
    }

    [Fact]
    public async Task SubmitWithVerb_RunsAction()
    {
        var activity = FakeBotFramework.LoadActivity(SpecFiles.Path("teams-playground", "activities", "message-value-from-adaptivecard-submit-personal.playground.json"));
        activity["value"] = new JsonObject { ["verb"] = "account.why", ["accountId"] = "acct-42", ["msteams"] = new JsonObject { ["type"] = "messageBack" } };

        await _host.PostSampleAsync(activity);
        await _fake.NextRequestAsync();

        Assert.True(_host.Assistant.Actions.TryPeek(out var action));
        Assert.Equal("account.why", action.Verb);
        Assert.Equal("acct-42", action.Data["accountId"]);
        Assert.False(action.Data.ContainsKey("msteams"));
        Assert.False(action.Data.ContainsKey("verb"));
    }

    [Fact]
    public async Task Asker_MappedByMemberEmail()
    {
        var activity = FakeBotFramework.LoadActivity(SpecFiles.Path("teams", "activities", "message-personal.recorded.json"));
        var userId = activity["from"]!["id"]!.GetValue<string>();
        _fake.Members[userId] = new JsonObject { ["id"] = userId, ["name"] = "Tien Suwandy", ["email"] = "Tien@Example.com", ["userPrincipalName"] = "tien@example.com" };
        using (var scope = _host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AbmDbContext>();
            db.People.Add(new Person { Id = "person-tien", Name = "Tien Suwandy", Email = "tien@example.com", Role = PersonRole.Rep });
            await db.SaveChangesAsync();
        }

        await _host.PostSampleAsync(activity);
        await _fake.NextRequestAsync();

        Assert.True(_host.Assistant.Questions.TryPeek(out var asked));
        Assert.Equal("person-tien", asked.Asker.PersonId);
        using var check = _host.Services.CreateScope();
        var stored = await check.ServiceProvider.GetRequiredService<AbmDbContext>().People.FindAsync("person-tien");
        Assert.Equal(userId, stored!.TeamsUserId);
    }

    [Fact]
    public async Task Asker_FailedLookup_NotCached()
    {
        var activity = FakeBotFramework.LoadActivity(SpecFiles.Path("teams", "activities", "message-personal.recorded.json"));
        var userId = activity["from"]!["id"]!.GetValue<string>();
        await _host.PostSampleAsync(activity);
        await _fake.NextRequestAsync();

        _fake.Members[userId] = new JsonObject { ["id"] = userId, ["name"] = "Tien Suwandy", ["email"] = "tien@example.com" };
        using (var scope = _host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AbmDbContext>();
            db.People.Add(new Person { Id = "person-tien", Name = "Tien Suwandy", Email = "tien@example.com", Role = PersonRole.Rep });
            await db.SaveChangesAsync();
        }

        activity["id"] = "second-" + activity["id"]!.GetValue<string>();
        await _host.PostSampleAsync(activity);
        await _fake.NextRequestAsync();

        var askers = _host.Assistant.Questions.Select(q => q.Asker.PersonId).ToList();
        Assert.Null(askers[0]);
        Assert.Equal("person-tien", askers[1]);
    }

    [Fact]
    public async Task Asker_UnknownMember_AnswersAnonymously()
    {
        var activity = FakeBotFramework.LoadActivity(SpecFiles.Path("teams", "activities", "message-personal.recorded.json"));

        await _host.PostSampleAsync(activity);
        await _fake.NextRequestAsync();

        Assert.True(_host.Assistant.Questions.TryPeek(out var asked));
        Assert.Null(asked.Asker.PersonId);
    }

    [Fact]
    public async Task Connector429_IsRetried()
    {
        _fake.FailNextSends(1);
        var activity = FakeBotFramework.LoadActivity(SpecFiles.Path("teams", "activities", "message-personal.recorded.json"));

        await _host.PostSampleAsync(activity);
        var first = await _fake.NextRequestAsync();
        var second = await _fake.NextRequestAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(first.Path, second.Path);
        Assert.Equal("message", second.Body!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task AssistantFailure_SendsApology()
    {
        _host.Assistant.Failure = new InvalidOperationException("boom");
        var activity = FakeBotFramework.LoadActivity(SpecFiles.Path("teams", "activities", "message-personal.recorded.json"));

        using var response = await _host.PostSampleAsync(activity);
        var notice = await _fake.NextRequestAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Sorry", notice.Body!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_StoresConversationReference()
    {
        var activity = FakeBotFramework.LoadActivity(SpecFiles.Path("teams", "activities", "message-channel-mention.recorded.json"));

        await _host.PostSampleAsync(activity);
        await _fake.NextRequestAsync();

        using var scope = _host.Services.CreateScope();
        var reference = await scope.ServiceProvider.GetRequiredService<AbmDbContext>().ConversationReferences.FindAsync("msteams", "19:097e6717fd7245bdbeba6baa13840db8@thread.skype");
        Assert.NotNull(reference);
        Assert.Equal(_fake.ServiceUrl, reference.ServiceUrl);
        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", reference.TenantId);
        Assert.Equal("19:097e6717fd7245bdbeba6baa13840db8@thread.skype", reference.TeamId);
        Assert.Equal("28:eac5e5c6-ab14-4f50-80cb-49213fe51b1a", reference.BotId);
    }

    [Fact]
    public async Task RepeatedMessage_KeepsReferenceTime()
    {
        var activity = FakeBotFramework.LoadActivity(SpecFiles.Path("teams", "activities", "message-channel-mention.recorded.json"));
        await _host.PostSampleAsync(activity);
        await _fake.NextRequestAsync();
        var first = await ReadReferenceTimeAsync();

        await _host.PostSampleAsync(activity);
        await _fake.NextRequestAsync();
        var second = await ReadReferenceTimeAsync();

        Assert.Equal(first, second);
    }

    private async Task<DateTimeOffset> ReadReferenceTimeAsync()
    {
        using var scope = _host.Services.CreateScope();
        var reference = await scope.ServiceProvider.GetRequiredService<AbmDbContext>().ConversationReferences.FindAsync("msteams", "19:097e6717fd7245bdbeba6baa13840db8@thread.skype");
        Assert.NotNull(reference);
        return reference.UpdatedAt;
    }
}
