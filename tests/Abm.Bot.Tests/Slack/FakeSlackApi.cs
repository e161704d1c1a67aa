using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Abm.Bot.Tests.Slack;

/// <summary>One request the fake received: the Web API method (or <c>response_url</c>) and its arguments.</summary>
internal sealed record FakeSlackCall(string Method, JsonElement Body, string? ContentType, string? Authorization)
{
    public string? Arg(string name) =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public bool HasBlocks => Body.TryGetProperty("blocks", out var blocks) && blocks.GetArrayLength() > 0;
}

/// <summary>
/// A loopback Slack Web API that checks what it receives (bearer token, content type, Block Kit
/// limits) and answers like Slack: <c>ok: false</c> with <c>invalid_blocks</c>, <c>msg_too_long</c>,
/// <c>channel_not_found</c>, or HTTP 429 with <c>Retry-After</c>. It also serves response URLs under <c>/hooks/</c>.
/// </summary>
internal sealed class FakeSlackApi : IAsyncDisposable
{
    public const string Token = "xoxb-test-token";
    public const string MissingChannel = "C0MISSING";

    private static readonly HashSet<string> FormMethods = new(StringComparer.Ordinal) { "users.info" };

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeSlackCall> _calls = new();
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly ConcurrentDictionary<string, int> _rateLimited = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _forcedErrors = new(StringComparer.Ordinal);
    private int _ts;

    private FakeSlackApi(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Slack user id → email, as <c>users.info</c> returns it.</summary>
    public ConcurrentDictionary<string, string> UserEmails { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<FakeSlackCall> Calls => [.. _calls];

    /// <summary>Everything the fake found wrong in a request; tests expect it to stay empty.</summary>
    public IReadOnlyList<string> Problems => [.. _problems];

    public IReadOnlyList<FakeSlackCall> CallsTo(string method) => [.. _calls.Where(c => c.Method == method)];

    /// <summary>The next <paramref name="times"/> calls to <paramref name="method"/> get HTTP 429 with <c>Retry-After: 1</c>.</summary>
    public void RateLimit(string method, int times) => _rateLimited[method] = times;

    /// <summary>The next call to <paramref name="method"/> with blocks gets <c>ok: false</c> and <paramref name="error"/>.</summary>
    public void FailNextWithBlocks(string method, string error) => _forcedErrors[method] = error;

    public static async Task<FakeSlackApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeSlackApi(app);
        app.MapPost("/api/{method}", (string method, HttpContext context) => fake.HandleApiAsync(method, context));
        app.MapPost("/hooks/{**rest}", (Delegate)fake.HandleResponseUrlAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>Waits until the calls match <paramref name="condition"/>; fails after 10 seconds with what arrived.</summary>
    public async Task<IReadOnlyList<FakeSlackCall>> WaitForAsync(Func<IReadOnlyList<FakeSlackCall>, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition(Calls))
        {
            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException("The fake Slack API did not receive the expected calls. Received: " +
                    string.Join(", ", Calls.Select(c => c.Method)) + ". Problems: " + string.Join("; ", Problems));
            }

            await Task.Delay(20);
        }

        return Calls;
    }

    public Task<IReadOnlyList<FakeSlackCall>> WaitForCallAsync(string method, Func<FakeSlackCall, bool>? match = null) =>
        WaitForAsync(calls => calls.Any(c => c.Method == method && (match is null || match(c))));

    private async Task<IResult> HandleApiAsync(string method, HttpContext context)
    {
        var contentType = context.Request.ContentType;
        var authorization = context.Request.Headers.Authorization.ToString();
        JsonElement body;
        if (FormMethods.Contains(method))
        {
            if (contentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) != true)
            {
                _problems.Enqueue($"{method}: content type {contentType}, expected a form");
            }

            var form = await context.Request.ReadFormAsync();
            body = JsonSerializer.SerializeToElement(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
        }
        else
        {
            if (contentType != "application/json; charset=utf-8")
            {
                _problems.Enqueue($"{method}: content type {contentType}, expected application/json; charset=utf-8");
            }

            body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
        }

        var call = new FakeSlackCall(method, body, contentType, authorization);
        if (_rateLimited.TryGetValue(method, out var left) && left > 0)
        {
            _rateLimited[method] = left - 1;
            _calls.Enqueue(call with { Method = method + " (429)" });
            context.Response.Headers.RetryAfter = "1";
            return Results.Json(new { ok = false, error = "ratelimited" }, statusCode: StatusCodes.Status429TooManyRequests);
        }

        _calls.Enqueue(call);
        if (authorization != "Bearer " + Token)
        {
            _problems.Enqueue($"{method}: Authorization '{(authorization.Length == 0 ? "none" : "wrong")}'");
            return Error(authorization.Length == 0 ? "not_authed" : "invalid_auth");
        }

        return method switch
        {
            "chat.postMessage" or "chat.update" or "chat.postEphemeral" => Message(method, body),
            "views.open" => View(body),
            "conversations.open" => Results.Json(new { ok = true, channel = new { id = "D" + body.GetProperty("users").GetString() } }),
            "users.info" => User(body),
            _ => Error("unknown_method"),
        };
    }

    private IResult Message(string method, JsonElement body)
    {
        var channel = body.TryGetProperty("channel", out var c) ? c.GetString() : null;
        if (string.IsNullOrEmpty(channel) || channel == MissingChannel)
        {
            return Error("channel_not_found");
        }

        if (body.TryGetProperty("text", out var text) && text.GetString()!.Length > 40_000)
        {
            return Error("msg_too_long");
        }

        var problems = SafeCheck(() => BlockKitChecker.CheckMessage(body));
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                _problems.Enqueue($"{method}: {problem}");
            }

            return Error("invalid_blocks", problems);
        }

        if (body.TryGetProperty("blocks", out var blocks) && blocks.GetArrayLength() > 0 && _forcedErrors.TryRemove(method, out var forced))
        {
            return Error(forced);
        }

        var ts = method == "chat.update"
            ? body.GetProperty("ts").GetString()
            : FormattableString.Invariant($"1700000000.{Interlocked.Increment(ref _ts):000000}");
        return method == "chat.postEphemeral"
            ? Results.Json(new { ok = true, message_ts = ts })
            : Results.Json(new { ok = true, channel, ts });
    }

    private IResult View(JsonElement body)
    {
        var problems = SafeCheck(() => BlockKitChecker.CheckView(body.GetProperty("view")));
        if (string.IsNullOrEmpty(body.GetProperty("trigger_id").GetString()))
        {
            problems.Add("trigger_id missing");
        }

        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                _problems.Enqueue("views.open: " + problem);
            }

            return Error("invalid_arguments", problems);
        }

        return Results.Json(new { ok = true, view = new { id = "V0TEST" } });
    }

    private IResult User(JsonElement body)
    {
        var id = body.GetProperty("user").GetString()!;
        if (!UserEmails.TryGetValue(id, out var email))
        {
            return Error("user_not_found");
        }

        return Results.Json(new { ok = true, user = new { id, name = "user-" + id, is_bot = false, profile = new { email, real_name = "Real " + id } } });
    }

    private async Task<IResult> HandleResponseUrlAsync(HttpContext context)
    {
        if (context.Request.Headers.Authorization.Count > 0)
        {
            _problems.Enqueue("response_url: the bot token was sent to a response URL");
        }

        var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
        _calls.Enqueue(new FakeSlackCall("response_url", body, context.Request.ContentType, null));
        foreach (var problem in SafeCheck(() => BlockKitChecker.CheckMessage(body)))
        {
            _problems.Enqueue("response_url: " + problem);
        }

        return Results.Text("ok");
    }

    // Slack answers a malformed block with invalid_blocks, not a server error.
    private static List<string> SafeCheck(Func<List<string>> check)
    {
        try
        {
            return check();
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException)
        {
            return ["malformed block: " + ex.Message];
        }
    }

    private static IResult Error(string error, IEnumerable<string>? messages = null) =>
        Results.Json(new JsonObject
        {
            ["ok"] = false,
            ["error"] = error,
            ["response_metadata"] = new JsonObject { ["messages"] = new JsonArray([.. (messages ?? []).Select(m => JsonValue.Create(m))]) },
        });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
