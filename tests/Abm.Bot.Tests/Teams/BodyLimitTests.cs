using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Abm.Bot.Teams;
using Abm.Bot.Tests.Teams.Fakes;

namespace Abm.Bot.Tests.Teams;

/// <summary>The body limit of <c>/api/messages</c> and the question length cap, through Kestrel on loopback with authentication off.</summary>
public sealed class BodyLimitTests : IAsyncLifetime
{
    private const int Limit = 64 * 1024;

    private readonly TestKeys _keys = new();
    private FakeBotFramework _fake = null!;
    private BotTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeBotFramework.StartAsync(_keys);
        _fake.RequireToken = false;
        _host = await BotTestHost.StartAsync(_fake, authentication: false, new Dictionary<string, string?> { ["Abm:Teams:MaxRequestBodyBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _fake.DisposeAsync();
        _keys.Dispose();
    }

    private string Message(string text)
    {
        var activity = FakeBotFramework.LoadActivity(SpecFiles.Path("teams-playground", "activities", "message-personal.playground.json"));
        activity["serviceUrl"] = _fake.ServiceUrl;
        activity["text"] = text;
        return FakeBotFramework.ToJson(activity);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>();
        Assert.Contains($"larger than {Limit} bytes", detail, StringComparison.Ordinal);
        Assert.Contains("Abm:Teams:MaxRequestBodyBytes", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OversizedActivity_Returns413Problem()
    {
        using var response = await _host.PostActivityAsync(Message(new string('a', Limit)), token: null);

        await AssertProblemAsync(response);
        Assert.Empty(_host.Assistant.Questions);
    }

    [Fact]
    public async Task ChunkedOversizedActivity_CutOffWhileReading()
    {
        // No Content-Length, so only the limit Kestrel applies while reading can stop this body.
        // It is a little over the limit, so the client has sent all of it before the 413 arrives.
        var body = Encoding.UTF8.GetBytes(Message(new string('a', Limit + (16 * 1024))));
        using var stream = new UnknownLengthStream(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, TeamsEndpoints.MessagesPath) { Content = new StreamContent(stream) };
        request.Content.Headers.ContentType = new("application/json");

        using var response = await _host.Client.SendAsync(request);

        await AssertProblemAsync(response);
        Assert.True(request.Content.Headers.ContentLength is null);
        Assert.Empty(_host.Assistant.Questions);
    }

    [Fact]
    public async Task ActivityUnderLimit_IsAnswered()
    {
        using var response = await _host.PostActivityAsync(Message("tell me about Contoso"), token: null);
        await _fake.NextRequestAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("tell me about Contoso", _host.Assistant.Questions.Single().Question);
    }

    [Fact]
    public async Task LongQuestion_GetsLimitReply()
    {
        using var response = await _host.PostActivityAsync(Message("tell me about " + new string('x', 5000)), token: null);
        var reply = await _fake.NextRequestAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("up to 1,000 characters", reply.Body!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
        Assert.Empty(_host.Assistant.Questions);
    }

    /// <summary>A readable stream that hides its length, so HttpClient sends it with chunked transfer encoding.</summary>
    private sealed class UnknownLengthStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
