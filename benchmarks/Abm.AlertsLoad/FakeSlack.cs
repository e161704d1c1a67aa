using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
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

namespace Abm.AlertsLoad;

/// <summary>One <c>chat.postMessage</c> the fake accepted: the channel, the trigger account it names (if any) and when it arrived.</summary>
internal sealed record Arrival(string Channel, int? Trigger, long Timestamp);

/// <summary>
/// A loopback fake of the Slack Web API. It checks the bot token, accepts <c>chat.postMessage</c>
/// and <c>chat.update</c>, and records each post's arrival on the <see cref="Stopwatch"/> clock
/// the sender uses. With a channel interval set, a post that comes sooner than that after the
/// channel's last accepted one gets 429 with <c>Retry-After: 1</c>, as Slack limits a channel.
/// </summary>
internal sealed partial class FakeSlack : IAsyncDisposable
{
    public const string Token = "xoxb-alerts-load";

    private readonly WebApplication _app;
    private readonly TimeSpan _channelInterval;
    private readonly ConcurrentQueue<Arrival> _arrivals = new();
    private readonly ConcurrentDictionary<string, long> _lastAccepted = new(StringComparer.Ordinal);
    private readonly Lock _limitLock = new();
    private int _rateLimited;
    private int _updates;
    private int _problems;
    private int _ts;

    private FakeSlack(WebApplication app, TimeSpan channelInterval)
    {
        _app = app;
        _channelInterval = channelInterval;
    }

    public string ApiUrl { get; private set; } = null!;

    public IReadOnlyList<Arrival> Arrivals => [.. _arrivals];

    /// <summary>Posts answered with 429 by the channel limit.</summary>
    public int RateLimited => _rateLimited;

    /// <summary><c>chat.update</c> calls (edits of earlier alerts).</summary>
    public int Updates => _updates;

    /// <summary>Requests without the bot token or without a fallback text.</summary>
    public int Problems => _problems;

    public static async Task<FakeSlack> StartAsync(TimeSpan channelInterval)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeSlack(app, channelInterval);
        app.MapPost("/api/{method}", (string method, HttpContext context) => fake.HandleAsync(method, context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.ApiUrl = address.TrimEnd('/') + "/api/";
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(string method, HttpContext context)
    {
        var arrived = Stopwatch.GetTimestamp();
        if (context.Request.Headers.Authorization.ToString() != "Bearer " + Token)
        {
            Interlocked.Increment(ref _problems);
            return Results.Json(new { ok = false, error = "invalid_auth" });
        }

        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        using var json = JsonDocument.Parse(body);
        if (method == "conversations.open")
        {
            return Results.Json(new { ok = true, channel = new { id = "D-" + json.RootElement.GetProperty("users").GetString() } });
        }

        var channel = json.RootElement.GetProperty("channel").GetString() ?? string.Empty;
        if (!json.RootElement.TryGetProperty("text", out var text) || string.IsNullOrWhiteSpace(text.GetString()))
        {
            Interlocked.Increment(ref _problems);
        }

        if (method == "chat.update")
        {
            Interlocked.Increment(ref _updates);
            return Results.Json(new { ok = true, channel, ts = json.RootElement.GetProperty("ts").GetString() });
        }

        if (method != "chat.postMessage")
        {
            return Results.Json(new { ok = false, error = "unknown_method" });
        }

        if (!TryAdmit(channel, arrived))
        {
            Interlocked.Increment(ref _rateLimited);
            context.Response.Headers.RetryAfter = "1";
            return Results.StatusCode(StatusCodes.Status429TooManyRequests);
        }

        var match = TriggerPattern().Match(body);
        int? trigger = match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
        _arrivals.Enqueue(new Arrival(channel, trigger, arrived));
        var ts = "1700000000." + Interlocked.Increment(ref _ts).ToString("000000", CultureInfo.InvariantCulture);
        return Results.Json(new { ok = true, channel, ts });
    }

    private bool TryAdmit(string channel, long arrived)
    {
        if (_channelInterval <= TimeSpan.Zero)
        {
            return true;
        }

        lock (_limitLock)
        {
            if (_lastAccepted.TryGetValue(channel, out var last) && Stopwatch.GetElapsedTime(last, arrived) < _channelInterval)
            {
                return false;
            }

            _lastAccepted[channel] = arrived;
            return true;
        }
    }

    /// <summary>Trigger accounts are named "Hot trigger 000042"; the number ties an alert to the event that caused it.</summary>
    [GeneratedRegex(@"Hot trigger (\d{6})")]
    private static partial Regex TriggerPattern();
}
