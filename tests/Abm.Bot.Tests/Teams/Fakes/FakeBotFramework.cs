using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Abm.Bot.Tests.Teams.Fakes;

/// <summary>One request the fake Bot Connector received.</summary>
public sealed record ConnectorRequest(string Method, string Path, string? Authorization, JsonNode? Body);

/// <summary>
/// A loopback stand-in for everything Microsoft runs around a bot: the Bot Framework's OpenID
/// metadata and signing keys, the Entra ID token endpoint MSAL calls, and the Bot Connector.
/// The connector checks the bearer token it issued and records each request.
/// </summary>
public sealed class FakeBotFramework : IAsyncDisposable
{
    public const string IssuedToken = "fake-connector-token";

    private readonly WebApplication _app;
    private readonly Channel<ConnectorRequest> _connectorRequests = Channel.CreateUnbounded<ConnectorRequest>();
    private int _failuresBeforeSuccess;

    private FakeBotFramework(WebApplication app, TestKeys keys)
    {
        _app = app;
        Keys = keys;
    }

    public TestKeys Keys { get; }

    public string BaseUrl { get; private set; } = string.Empty;

    public string MetadataUrl => BaseUrl + "/v1/.well-known/openidconfiguration";

    public string ServiceUrl => BaseUrl + "/connector/";

    /// <summary>When false, the connector accepts requests without a token (authentication off).</summary>
    public bool RequireToken { get; set; } = true;

    /// <summary>When true, the JWKS also publishes the key that starts out unpublished (key rotation).</summary>
    public bool PublishRotatedKey { get; set; }

    private int _keyRequests;

    /// <summary>How many times the signing keys were fetched.</summary>
    public int KeyRequests => Volatile.Read(ref _keyRequests);

    public ConcurrentQueue<Dictionary<string, string>> TokenRequests { get; } = new();

    /// <summary>Members the members API knows, by user id.</summary>
    public ConcurrentDictionary<string, JsonObject> Members { get; } = new();

    /// <summary>The next N activity sends answer 429 with <c>Retry-After: 0</c>.</summary>
    public void FailNextSends(int count) => Volatile.Write(ref _failuresBeforeSuccess, count);

    public static async Task<FakeBotFramework> StartAsync(TestKeys keys)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeBotFramework(app, keys);
        fake.Map(app);
        await app.StartAsync();
        fake.BaseUrl = app.Urls.First();
        return fake;
    }

    /// <summary>Waits for the next connector request, failing the test when none comes within the limit.</summary>
    public async Task<ConnectorRequest> NextRequestAsync(TimeSpan? limit = null)
    {
        using var timeout = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(20));
        try
        {
            return await _connectorRequests.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("The fake Bot Connector received no request.");
        }
    }

    /// <summary>True when a request is already waiting, without blocking.</summary>
    public bool TryTakeRequest(out ConnectorRequest? request) => _connectorRequests.Reader.TryRead(out request);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/v1/.well-known/openidconfiguration", () =>
        {
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = "https://api.botframework.com",
                ["authorization_endpoint"] = "https://invalid.example/authorize",
                ["jwks_uri"] = BaseUrl + "/v1/.well-known/keys",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
            });
        });

        app.MapGet("/v1/.well-known/keys", () =>
        {
            Interlocked.Increment(ref _keyRequests);
            return Results.Json(Keys.Jwks(PublishRotatedKey));
        });

        app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            TokenRequests.Enqueue(form.ToDictionary(pair => pair.Key, pair => pair.Value.ToString()));
            return Results.Json(new Dictionary<string, object>
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = 3600,
                ["ext_expires_in"] = 3600,
                ["access_token"] = IssuedToken,
            });
        });

        app.Map("/connector/{**rest}", (Func<HttpContext, Task<IResult>>)HandleConnectorAsync);
    }

    private async Task<IResult> HandleConnectorAsync(HttpContext context)
    {
        var request = context.Request;
        var authorization = request.Headers.Authorization.ToString();
        JsonNode? body = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            body = await JsonNode.ParseAsync(request.Body);
        }

        // The raw target keeps the percent-encoding the bot applied to the conversation id.
        var path = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget;
        var recorded = new ConnectorRequest(request.Method, path, string.IsNullOrEmpty(authorization) ? null : authorization, body);

        if (RequireToken && authorization != "Bearer " + IssuedToken)
        {
            await _connectorRequests.Writer.WriteAsync(recorded);
            return Results.Json(new { error = new { code = "Unauthorized", message = "bad token" } }, statusCode: 401);
        }

        var segments = request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (request.Method == HttpMethods.Get && segments.Length == 6 && segments[2] == "conversations" && segments[4] == "members")
        {
            var userId = Uri.UnescapeDataString(segments[5]);
            return Members.TryGetValue(userId, out var member)
                ? Results.Json(member)
                : Results.Json(new { error = new { code = "MemberNotFound", message = "no such member" } }, statusCode: 404);
        }

        await _connectorRequests.Writer.WriteAsync(recorded);

        if (Interlocked.Decrement(ref _failuresBeforeSuccess) >= 0)
        {
            context.Response.Headers.RetryAfter = "0";
            return Results.Json(new { error = new { code = "TooManyRequests", message = "slow down" } }, statusCode: 429);
        }

        // Create-conversation: Teams needs the bot, exactly one member and the tenant for a personal chat.
        if (request.Method == HttpMethods.Post && segments.Length == 3 && segments[2] == "conversations")
        {
            var member = body?["members"] is JsonArray { Count: 1 } members ? members[0]?["id"]?.GetValue<string>() : null;
            var tenant = body?["channelData"]?["tenant"]?["id"]?.GetValue<string>();
            var valid = body?["bot"]?["id"] is not null && member is not null && tenant is not null && body?["isGroup"]?.GetValue<bool>() != true;
            return valid
                ? Results.Json(new { id = "a:created-" + member }, statusCode: 201)
                : Results.Json(new { error = new { code = "BadArgument", message = "Invalid create-conversation parameters" } }, statusCode: 400);
        }

        var isActivitySend = segments.Length >= 5 && segments[2] == "conversations" && segments[4] == "activities";
        if (!isActivitySend || body?["type"] is null)
        {
            return Results.Json(new { error = new { code = "BadArgument", message = "Invalid input" } }, statusCode: 400);
        }

        return Results.Json(new { id = "1:reply-" + Guid.NewGuid().ToString("N") }, statusCode: request.Method == HttpMethods.Put ? 200 : 201);
    }

    /// <summary>Reads a JSON file and returns it as an object node.</summary>
    public static JsonObject LoadActivity(string path) => JsonNode.Parse(File.ReadAllText(path))!.AsObject();

    /// <summary>Serialises a node for posting.</summary>
    public static string ToJson(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
