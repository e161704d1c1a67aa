using System.Net;
using System.Text.Json.Nodes;
using Abm.Bot.Tests.Teams.Fakes;

namespace Abm.Bot.Tests.Teams;

public sealed class TokenValidationTests(TeamsFixture fixture) : IClassFixture<TeamsFixture>
{
    public static TheoryData<string, HttpStatusCode> Cases => new()
    {
        { "valid", HttpStatusCode.OK },
        { "expired within skew", HttpStatusCode.OK },
        { "expired", HttpStatusCode.Unauthorized },
        { "not yet valid", HttpStatusCode.Unauthorized },
        { "wrong audience", HttpStatusCode.Unauthorized },
        { "wrong issuer", HttpStatusCode.Unauthorized },
        { "unknown key", HttpStatusCode.Unauthorized },
        { "key without endorsement", HttpStatusCode.Forbidden },
        { "serviceurl mismatch", HttpStatusCode.Unauthorized },
        { "missing", HttpStatusCode.Unauthorized },
        { "malformed", HttpStatusCode.Unauthorized },
        { "not bearer", HttpStatusCode.Unauthorized },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Token_GetsStatus(string tokenCase, HttpStatusCode expected)
    {
        var fake = fixture.Fake;
        var keys = fixture.Keys;
        var activity = FakeBotFramework.LoadActivity(SpecFiles.Path("teams", "activities", "conversationUpdate-teamRenamed.recorded.json"));
        activity["serviceUrl"] = fake.ServiceUrl;
        var now = DateTime.UtcNow;

        var token = tokenCase switch
        {
            "valid" => keys.CreateToken(fake.ServiceUrl),
            "expired within skew" => keys.CreateToken(fake.ServiceUrl, notBefore: now.AddHours(-1), expires: now.AddMinutes(-3)),
            "expired" => keys.CreateToken(fake.ServiceUrl, notBefore: now.AddHours(-1), expires: now.AddMinutes(-6)),
            "not yet valid" => keys.CreateToken(fake.ServiceUrl, notBefore: now.AddMinutes(6), expires: now.AddHours(1)),
            "wrong audience" => keys.CreateToken(fake.ServiceUrl, audience: "00000000-0000-0000-0000-000000000001"),
            "wrong issuer" => keys.CreateToken(fake.ServiceUrl, issuer: "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/"),
            "unknown key" => keys.CreateToken(fake.ServiceUrl, key: keys.Unpublished),
            "key without endorsement" => keys.CreateToken(fake.ServiceUrl, key: keys.Unendorsed),
            "serviceurl mismatch" => keys.CreateToken("https://smba.trafficmanager.net/amer/"),
            "missing" => null,
            "malformed" => "not-a-jwt",
            "not bearer" => null,
            _ => throw new ArgumentOutOfRangeException(nameof(tokenCase)),
        };

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(FakeBotFramework.ToJson(activity), System.Text.Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }
        else if (tokenCase == "not bearer")
        {
            request.Headers.Authorization = new("Basic", "dXNlcjpwYXNz");
        }

        using var response = await fixture.Host.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task ServiceUrl_TrailingSlashDifference_Accepted()
    {
        var fake = fixture.Fake;
        var activity = FakeBotFramework.LoadActivity(SpecFiles.Path("teams", "activities", "conversationUpdate-teamRenamed.recorded.json"));
        activity["serviceUrl"] = fake.ServiceUrl.TrimEnd('/');

        using var response = await fixture.Host.PostActivityAsync(FakeBotFramework.ToJson(activity), fixture.Keys.CreateToken(fake.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task MalformedBody_WithValidToken_Gets400WithReason()
    {
        using var response = await fixture.Host.PostActivityAsync("{\"type\": \"message\", \"text\": ", fixture.Keys.CreateToken(fixture.Fake.ServiceUrl));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not a valid activity", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedBody_WithoutToken_Gets401()
    {
        using var response = await fixture.Host.PostActivityAsync("{{{", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("{}", "no type")]
    [InlineData("null", "null")]
    [InlineData("[]", "not a valid activity")]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\"}", "no conversation.id")]
    public async Task InvalidActivity_Gets400WithReason(string json, string reason)
    {
        using var response = await fixture.Host.PostActivityAsync(json, fixture.Keys.CreateToken(fixture.Fake.ServiceUrl));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Head_Gets200()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, "/api/messages");
        using var response = await fixture.Host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Token_IsCheckedBeforeBodyIsUsed()
    {
        var activity = FakeBotFramework.LoadActivity(SpecFiles.Path("teams", "activities", "message-personal.recorded.json"));
        activity["serviceUrl"] = fixture.Fake.ServiceUrl;
        var before = fixture.Host.Assistant.Questions.Count;

        using var response = await fixture.Host.PostActivityAsync(FakeBotFramework.ToJson(activity), fixture.Keys.CreateToken(fixture.Fake.ServiceUrl, key: fixture.Keys.Unendorsed));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, fixture.Host.Assistant.Questions.Count);
    }
}
