using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Abm.Bot.Tests.Alerts;

/// <summary>One message the fake accepted: where it went, whether it edited an earlier one, and the alert it carries.</summary>
/// <param name="MessageId">For an edit, the Teams activity id or Slack <c>ts</c> it replaces.</param>
public sealed record DeliveredMessage(string Service, string Conversation, bool IsUpdate, long? AlertId, string Body, string? MessageId = null);

/// <summary>A failure the fake answers with instead of accepting a message.</summary>
public sealed record Fault(int Status, string? SlackError = null, int RetryAfterSeconds = 1);

/// <summary>
/// Loopback fakes of the Bot Connector (<c>/v3/conversations/…/activities</c>) and the Slack Web
/// API (<c>/api/chat.postMessage</c>, <c>chat.update</c>, <c>conversations.open</c>). Each
/// conversation can be given a script of faults (429 with <c>Retry-After</c>, 5xx, 403/404,
/// <c>channel_not_found</c>), and delivery can be held open to kill the sender mid-request.
/// </summary>
public sealed partial class FakeChatServices : IAsyncDisposable
{
    public const string SlackToken = "xoxb-alerts-test";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<DeliveredMessage> _delivered = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Fault>> _faults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Fault> _permanent = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private int _ids;

    private FakeChatServices(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = null!;

    public string SlackApiUrl => BaseUrl + "api/";

    /// <summary>Messages accepted (a held message counts once the fake received it).</summary>
    public IReadOnlyList<DeliveredMessage> Delivered => [.. _delivered];

    /// <summary>What the fake found wrong in a request (a missing token, say); tests expect none.</summary>
    public IReadOnlyList<string> Problems => [.. _problems];

    /// <summary>When set, the request that makes <see cref="Delivered"/> reach this count is held and never answered.</summary>
    public int? HoldAtCount { get; set; }

    /// <summary>Completes when a request was held.</summary>
    public TaskCompletionSource<DeliveredMessage> Held { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Requests that reached a conversation, accepted or not.</summary>
    public int AttemptsTo(string conversation) => _attempts.GetValueOrDefault(conversation);

    /// <summary>Answers the next requests to a conversation with these faults, in order.</summary>
    public void Script(string conversation, params Fault[] faults)
    {
        var queue = _faults.GetOrAdd(conversation, _ => new ConcurrentQueue<Fault>());
        foreach (var fault in faults)
        {
            queue.Enqueue(fault);
        }
    }

    /// <summary>Answers every request to a conversation with this fault (the bot was removed).</summary>
    public void Remove(string conversation, Fault fault) => _permanent[conversation] = fault;

    public static async Task<FakeChatServices> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeChatServices(app);
        app.MapPost("/v3/conversations", (Delegate)fake.CreateConversationAsync);
        app.MapPost("/v3/conversations/{conversation}/activities", (string conversation, HttpContext context) => fake.TeamsAsync(conversation, null, context));
        app.MapPut("/v3/conversations/{conversation}/activities/{activityId}", (string conversation, string activityId, HttpContext context) => fake.TeamsAsync(conversation, activityId, context));
        app.MapPost("/api/{method}", (string method, HttpContext context) => fake.SlackAsync(method, context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = address.TrimEnd('/') + "/";
        return fake;
    }

    /// <summary>Waits until <paramref name="condition"/> holds; fails after <paramref name="seconds"/> with what arrived.</summary>
    public async Task WaitForAsync(Func<IReadOnlyList<DeliveredMessage>, bool> condition, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition(Delivered))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Condition not met; delivered: {string.Join(", ", Delivered.Select(d => $"{d.Service}:{d.Conversation}:{d.AlertId}{(d.IsUpdate ? " (update)" : string.Empty)}"))}");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Held.TrySetCanceled();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> TeamsAsync(string conversation, string? activityId, HttpContext context)
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        _attempts.AddOrUpdate(conversation, 1, (_, n) => n + 1);
        if (NextFault(conversation) is { } fault)
        {
            if (fault.Status == 429)
            {
                context.Response.Headers.RetryAfter = fault.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return Results.Json(new { error = new { code = fault.Status == 403 ? "BotNotInConversationRoster" : "Error", message = "fake fault" } }, statusCode: fault.Status);
        }

        if (!body.Contains("application/vnd.microsoft.card.adaptive", StringComparison.Ordinal))
        {
            _problems.Enqueue("Teams message without an Adaptive Card: " + body);
        }

        await AcceptAsync(new DeliveredMessage("msteams", conversation, activityId is not null, AlertIdOf(body), body, activityId));
        return Results.Json(new { id = activityId ?? "1:act-" + Interlocked.Increment(ref _ids) });
    }

    /// <summary>Conversations created with create-conversation, as (tenant, member) pairs.</summary>
    public ConcurrentQueue<(string? Tenant, string? Member)> Created { get; } = new();

    private async Task<IResult> CreateConversationAsync(HttpContext context)
    {
        using var json = await JsonDocument.ParseAsync(context.Request.Body);
        var member = json.RootElement.GetProperty("members")[0].GetProperty("id").GetString();
        var tenant = json.RootElement.TryGetProperty("channelData", out var data) ? data.GetProperty("tenant").GetProperty("id").GetString() : null;
        Created.Enqueue((tenant, member));
        return Results.Json(new { id = "a:personal-" + member });
    }

    private async Task<IResult> SlackAsync(string method, HttpContext context)
    {
        if (context.Request.Headers.Authorization.ToString() != "Bearer " + SlackToken)
        {
            _problems.Enqueue($"Slack {method} without the bot token");
        }

        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        using var json = JsonDocument.Parse(body);
        if (method == "conversations.open")
        {
            return Results.Json(new { ok = true, channel = new { id = "D-" + json.RootElement.GetProperty("users").GetString() } });
        }

        var channel = json.RootElement.GetProperty("channel").GetString()!;
        _attempts.AddOrUpdate(channel, 1, (_, n) => n + 1);
        if (NextFault(channel) is { } fault)
        {
            if (fault.Status == 429)
            {
                context.Response.Headers.RetryAfter = fault.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Results.StatusCode(429);
            }

            return fault.SlackError is { } error ? Results.Json(new { ok = false, error }) : Results.StatusCode(fault.Status);
        }

        if (!json.RootElement.TryGetProperty("text", out var text) || string.IsNullOrWhiteSpace(text.GetString()))
        {
            _problems.Enqueue($"Slack {method} without fallback text");
        }

        var isUpdate = method == "chat.update";
        await AcceptAsync(new DeliveredMessage("slack", channel, isUpdate, AlertIdOf(body), body, isUpdate ? json.RootElement.GetProperty("ts").GetString() : null));
        var ts = isUpdate ? json.RootElement.GetProperty("ts").GetString() : "1700000000." + Interlocked.Increment(ref _ids).ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
        return Results.Json(new { ok = true, channel, ts });
    }

    private async Task AcceptAsync(DeliveredMessage message)
    {
        _delivered.Enqueue(message);
        if (HoldAtCount is { } hold && _delivered.Count == hold)
        {
            Held.TrySetResult(message);
            await Task.Delay(Timeout.Infinite, _app.Lifetime.ApplicationStopping).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private Fault? NextFault(string conversation) =>
        _permanent.TryGetValue(conversation, out var permanent) ? permanent
        : _faults.TryGetValue(conversation, out var queue) && queue.TryDequeue(out var fault) ? fault
        : null;

    private static long? AlertIdOf(string body) =>
        AlertIdPattern().Match(body.Replace("\\u0022", "\"", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal)) is { Success: true } match ? long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"alertId""\s*:\s*""(\d+)")]
    private static partial Regex AlertIdPattern();
}
