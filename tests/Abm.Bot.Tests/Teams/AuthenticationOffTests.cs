using System.Net;
using Abm.Bot.Tests.Teams.Fakes;

namespace Abm.Bot.Tests.Teams;

public sealed class AuthenticationOffTests : IAsyncLifetime
{
    private readonly TestKeys _keys = new();
    private FakeBotFramework _fake = null!;
    private BotTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeBotFramework.StartAsync(_keys);
        _fake.RequireToken = false;
        _host = await BotTestHost.StartAsync(_fake, authentication: false);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _fake.DisposeAsync();
        _keys.Dispose();
    }

    [Fact]
    public async Task MessageWithoutToken_RepliesWithoutToken()
    {
        var activity = FakeBotFramework.LoadActivity(SpecFiles.Path("teams-playground", "activities", "message-personal.playground.json"));
        activity["serviceUrl"] = _fake.ServiceUrl;

        using var response = await _host.PostActivityAsync(FakeBotFramework.ToJson(activity), token: null);
        var reply = await _fake.NextRequestAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(reply.Authorization);
        Assert.Empty(_fake.TokenRequests);
    }

    [Fact]
    public async Task PlaygroundDummyToken_IsAccepted()
    {
        // The local Teams client can send an HS256 token signed with a fixed key; with authentication off it is ignored.
        const string DummyToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzZXJ2aWNldXJsIjoiaHR0cDovL2xvY2FsaG9zdDo1NjE1MC9fY29ubmVjdG9yLyIsImlhdCI6MTc5NjQxNTA0Nn0.qk9ilqmGgGPvvKKgtXDrozE3YWCMhFKi4Q809zrjY30";
        var activity = FakeBotFramework.LoadActivity(SpecFiles.Path("teams-playground", "activities", "message-personal.playground.json"));
        activity["serviceUrl"] = _fake.ServiceUrl;

        using var response = await _host.PostActivityAsync(FakeBotFramework.ToJson(activity), DummyToken);
        await _fake.NextRequestAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
