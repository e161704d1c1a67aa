using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Abm.LoadTest;

/// <summary>
/// Loopback stand-ins for what sits outside the bot: the Bot Framework's OpenID metadata and
/// keys, the Entra ID token endpoint (https), the Bot Connector and the Slack Web API. The
/// connector and Slack check the bearer token they issued and report each reply to the tracker.
/// </summary>
internal sealed class FakeServices : IAsyncDisposable
{
    private static readonly string[] SigningAlgorithms = ["RS256"];
    private static readonly string[] AuthMethods = ["private_key_jwt"];

    private readonly WebApplication _app;

    private FakeServices(WebApplication app, string httpUrl, string httpsUrl)
    {
        _app = app;
        HttpUrl = httpUrl;
        HttpsUrl = httpsUrl;
    }

    public string HttpUrl { get; }

    public string HttpsUrl { get; }

    public string MetadataUrl => HttpUrl + "/v1/.well-known/openidconfiguration";

    public string ServiceUrl => HttpUrl + "/connector/";

    public string Authority => HttpsUrl + "/botframework.com";

    public string SlackApiUrl => HttpUrl + "/api/";

    public static async Task<FakeServices> StartAsync(Credentials credentials, ReplyTracker tracker)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(credentials.Certificate));
        });

        var app = builder.Build();
        string? httpUrl = null;
        app.MapGet("/v1/.well-known/openidconfiguration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Credentials.Issuer,
            ["authorization_endpoint"] = httpUrl + "/authorize",
            ["jwks_uri"] = httpUrl + "/v1/.well-known/keys",
            ["id_token_signing_alg_values_supported"] = SigningAlgorithms,
            ["token_endpoint_auth_methods_supported"] = AuthMethods,
        }));
        app.MapGet("/v1/.well-known/keys", () => Results.Json(credentials.Jwks()));
        app.MapPost("/{tenant}/oauth2/v2.0/token", () => Results.Json(new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = 86_399,
            ["ext_expires_in"] = 86_399,
            ["access_token"] = Credentials.ConnectorToken,
        }));
        app.MapGet("/connector/v3/conversations/{conversation}/members/{user}", (string user) => Results.Json(new
        {
            id = user,
            name = "Load Tester",
            email = "load.tester@example.com",
            userPrincipalName = "load.tester@example.com",
        }));
        app.MapPost("/connector/v3/conversations/{conversation}/activities/{replyToId}", (string replyToId, HttpContext context) =>
        {
            tracker.Arrived(Uri.UnescapeDataString(replyToId), context.Request.Headers.Authorization == "Bearer " + Credentials.ConnectorToken);
            return Results.Json(new { id = "1:reply" }, statusCode: StatusCodes.Status201Created);
        });
        app.MapPost("/api/{method}", (string method, HttpContext context) => SlackAsync(method, context, tracker));

        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        httpUrl = addresses.Single(a => a.StartsWith("http://", StringComparison.Ordinal));
        var httpsUrl = addresses.Single(a => a.StartsWith("https://", StringComparison.Ordinal));
        return new FakeServices(app, httpUrl, httpsUrl);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task<IResult> SlackAsync(string method, HttpContext context, ReplyTracker tracker)
    {
        var authorized = context.Request.Headers.Authorization == "Bearer " + Credentials.SlackBotToken;
        string? channel = null;
        if (context.Request.HasJsonContentType())
        {
            channel = await ReadChannelAsync(context.Request.BodyReader);
        }
        else if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync();
            channel = form["channel"].ToString();
            authorized |= form["token"] == Credentials.SlackBotToken;
        }

        return method switch
        {
            "chat.postMessage" => Reply(tracker, channel, authorized),
            "auth.test" => Results.Json(new { ok = true, url = "https://load.example/", team = "Load", user = "abm", team_id = SlackLoad.TeamId, user_id = SlackLoad.BotUserId, bot_id = "B0LOAD001" }),
            "users.info" => Results.Json(new { ok = true, user = new { id = SlackLoad.UserId, name = "load.tester", profile = new { email = "load.tester@example.com", real_name = "Load Tester" } } }),
            _ => Results.Json(new { ok = false, error = "unknown_method" }),
        };
    }

    /// <summary>
    /// Reads the top-level "channel" of a JSON body token by token, without building a document.
    /// The fake shares the machine with the server under test, so it does as little as it can.
    /// </summary>
    private static async Task<string?> ReadChannelAsync(PipeReader body)
    {
        while (true)
        {
            var read = await body.ReadAsync();
            if (read.IsCompleted)
            {
                var channel = FindChannel(read.Buffer);
                body.AdvanceTo(read.Buffer.End);
                return channel;
            }

            body.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    private static string? FindChannel(ReadOnlySequence<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
            {
                var isChannel = reader.ValueTextEquals("channel"u8);
                reader.Read();
                if (isChannel)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }
        }

        return null;
    }

    private static IResult Reply(ReplyTracker tracker, string? channel, bool authorized)
    {
        tracker.Arrived(channel, authorized);

        // The load's channels are letters and digits, which need no escaping; anything else takes the serializer.
        return channel is not null && channel.All(char.IsAsciiLetterOrDigit)
            ? Results.Text($$$"""{"ok":true,"channel":"{{{channel}}}","ts":"1700000000.000100","message":{"text":"ok"}}""", "application/json")
            : Results.Json(new { ok = true, channel, ts = "1700000000.000100", message = new { text = "ok" } });
    }
}
