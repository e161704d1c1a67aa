using System.Net;
using System.Text.Json.Nodes;
using Abm.Bot.Tests.Teams.Fakes;

namespace Abm.Bot.Tests.Teams;

public sealed class InvokeTurnTests(TeamsFixture fixture) : IClassFixture<TeamsFixture>
{
    private static JsonObject Invoke(JsonNode? value)
    {
        var activity = FakeBotFramework.LoadActivity(SpecFiles.Path("teams", "activities", "invoke-adaptiveCard-action.channel.composite.json"));
        activity["value"] = value;
        return activity;
    }

    private static JsonNode Expected(string file) => JsonNode.Parse(File.ReadAllText(SpecFiles.Path("teams", "invoke-responses", file)))!;

    [Fact]
    public async Task Action_ReturnsCardInvokeResponse()
    {
        var activity = Invoke(new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "account.why", ["data"] = new JsonObject { ["accountId"] = "acct-7", ["count"] = 3 } },
            ["trigger"] = "manual",
        });

        using var response = await fixture.Host.PostSampleAsync(activity);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        var expected = Expected("adaptiveCard-action.200-card.json").AsObject();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected.Select(p => p.Key).Order(), body.Select(p => p.Key).Order());
        Assert.Equal(expected["statusCode"]!.GetValue<int>(), body["statusCode"]!.GetValue<int>());
        Assert.Equal(expected["type"]!.GetValue<string>(), body["type"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", body["value"]!["type"]!.GetValue<string>());
        Assert.Equal("1.5", body["value"]!["version"]!.GetValue<string>());
        Assert.Contains("ran: account.why", body["value"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Action_PassesVerbAndData()
    {
        var activity = Invoke(new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "account.events", ["data"] = new JsonObject { ["accountId"] = "acct-9", ["count"] = 3 } },
        });

        await fixture.Host.PostSampleAsync(activity);
        var action = fixture.Host.Assistant.Actions.Last(a => a.Verb == "account.events");

        Assert.Equal("acct-9", action.Data["accountId"]);
        Assert.Equal("3", action.Data["count"]);
        Assert.Equal("Dave Taniguchi", action.Asker.DisplayName);
    }

    [Fact]
    public async Task ActionWithoutVerb_ReturnsErrorInvokeResponse()
    {
        var activity = Invoke(new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["data"] = new JsonObject() } });

        using var response = await fixture.Host.PostSampleAsync(activity);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        var expected = Expected("adaptiveCard-action.400-error.json").AsObject();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected["statusCode"]!.GetValue<int>(), body["statusCode"]!.GetValue<int>());
        Assert.Equal(expected["type"]!.GetValue<string>(), body["type"]!.GetValue<string>());
        Assert.Equal(expected["value"]!["code"]!.GetValue<string>(), body["value"]!["code"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(body["value"]!["message"]!.GetValue<string>()));
    }

    [Fact]
    public async Task UnnamedInvoke_GetsEmpty200()
    {
        var activity = FakeBotFramework.LoadActivity(SpecFiles.Path("teams", "activities", "invoke-unnamed-from-adaptivecard-submit-msteams-invoke.recorded.json"));

        using var response = await fixture.Host.PostSampleAsync(activity);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, body);
    }
}

public sealed class InvokeFailureTests : IAsyncLifetime
{
    private readonly TestKeys _keys = new();
    private FakeBotFramework _fake = null!;
    private BotTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeBotFramework.StartAsync(_keys);
        _host = await BotTestHost.StartAsync(_fake, settings: new Dictionary<string, string?> { ["Abm:Teams:InvokeTimeout"] = "00:00:00.200" });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _fake.DisposeAsync();
        _keys.Dispose();
    }

    private Task<HttpResponseMessage> PostActionAsync()
    {
        var activity = FakeBotFramework.LoadActivity(SpecFiles.Path("teams-playground", "activities", "invoke-adaptiveCard-action-personal.playground.json"));
        return _host.PostSampleAsync(activity);
    }

    [Fact]
    public async Task SlowAction_ReturnsTimeoutError()
    {
        _host.Assistant.Delay = TimeSpan.FromSeconds(30);

        using var response = await PostActionAsync();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(500, body["statusCode"]!.GetValue<int>());
        Assert.Equal("Timeout", body["value"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task FailingAction_ReturnsServerError()
    {
        _host.Assistant.Failure = new InvalidOperationException("boom");

        using var response = await PostActionAsync();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(500, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
        Assert.DoesNotContain("boom", body.ToJsonString(), StringComparison.Ordinal);
    }
}
