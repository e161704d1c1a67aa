using System.Net;
using Abm.Bot.Teams;
using Microsoft.Extensions.DependencyInjection;
using Abm.Bot.Tests.Teams.Fakes;

namespace Abm.Bot.Tests.Teams;

public sealed class KeyRotationTests : IAsyncLifetime
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

    private Task<HttpResponseMessage> PostAsync(string token)
    {
        var activity = FakeBotFramework.LoadActivity(SpecFiles.Path("teams", "activities", "conversationUpdate-teamRenamed.recorded.json"));
        activity["serviceUrl"] = _fake.ServiceUrl;
        return _host.PostActivityAsync(FakeBotFramework.ToJson(activity), token);
    }

    [Fact]
    public async Task NewKey_IsFetchedOnUnknownKeyId()
    {
        using var first = await PostAsync(_keys.CreateToken(_fake.ServiceUrl));
        var fetchesBefore = _fake.KeyRequests;

        _fake.PublishRotatedKey = true;
        using var rotated = await PostAsync(_keys.CreateToken(_fake.ServiceUrl, key: _keys.Unpublished));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        Assert.True(_fake.KeyRequests > fetchesBefore);
    }

    [Fact]
    public async Task SameToken_IsValidatedOnce()
    {
        var validator = _host.Services.GetRequiredService<BotTokenValidator>();
        var token = "Bearer " + _keys.CreateToken(_fake.ServiceUrl);

        var (_, first) = await validator.ValidateAsync(token, CancellationToken.None);
        var (check, again) = await validator.ValidateAsync(token, CancellationToken.None);

        Assert.True(check.Succeeded);
        Assert.Same(first, again);
    }

    [Fact]
    public async Task DifferentToken_IsValidatedAgain()
    {
        var validator = _host.Services.GetRequiredService<BotTokenValidator>();

        var (_, first) = await validator.ValidateAsync("Bearer " + _keys.CreateToken(_fake.ServiceUrl), CancellationToken.None);
        var (_, other) = await validator.ValidateAsync("Bearer " + _keys.CreateToken(_fake.ServiceUrl, expires: DateTime.UtcNow.AddMinutes(50)), CancellationToken.None);

        Assert.NotSame(first, other);
    }

    [Fact]
    public async Task CachedToken_StillChecksTheActivity()
    {
        var token = _keys.CreateToken(_fake.ServiceUrl);
        using var first = await PostAsync(token);

        var activity = FakeBotFramework.LoadActivity(SpecFiles.Path("teams", "activities", "conversationUpdate-teamRenamed.recorded.json"));
        activity["serviceUrl"] = "https://smba.example.invalid/other/";
        using var other = await _host.PostActivityAsync(FakeBotFramework.ToJson(activity), token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }
}
