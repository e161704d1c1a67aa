using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Abm.AlertsLoad;

/// <summary>What the sender saw: when each trigger's request left, and the host's responses.</summary>
internal sealed class LoadResult
{
    public required long[] TriggerSent { get; init; }

    public long FirstSent { get; set; }

    public long LastAnswered { get; set; }

    public int EventsOffered { get; set; }

    public int EventsAccepted { get; set; }

    public int FailedRequests { get; set; }

    public Dictionary<int, int> StatusCounts { get; } = [];

    public List<double> RequestMilliseconds { get; } = [];

    public double MaxSchedulerLagMilliseconds { get; set; }
}

/// <summary>
/// Sends events open loop: request <c>j</c> leaves at <c>start + j / requestsPerSecond</c>
/// whether or not earlier ones got a response, so a slow host meets a growing queue instead of a
/// sender that politely waits. Each request is a JSON array of <see cref="LoadOptions.Batch"/>
/// events. Most are email opens to background accounts (0.1 points each, they stay cold); the
/// triggers, spread evenly over the run, are one 240-minute meeting each to a fresh account,
/// 240 raw points or a score of 75, which takes it from cold to hot in one evaluation.
/// </summary>
internal sealed class EventLoad(LoadOptions options, Uri baseAddress, string apiKey)
{
    private readonly Lock _lock = new();

    public async Task<LoadResult> RunAsync()
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);

        var requests = options.Requests;
        var triggersByRequest = Enumerable.Range(0, options.ExpectedAlerts).ToLookup(k => (int)((long)k * requests / options.ExpectedAlerts));
        var result = new LoadResult { TriggerSent = new long[options.ExpectedAlerts] };
        var interval = TimeSpan.FromSeconds(1 / options.RequestsPerSecond);
        var tasks = new List<Task>(requests);
        var backgroundSequence = 0;
        var start = Stopwatch.GetTimestamp();
        result.FirstSent = start;
        for (var j = 0; j < requests; j++)
        {
            var due = interval * j;
            var wait = due - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var lag = (Stopwatch.GetElapsedTime(start) - due).TotalMilliseconds;
            result.MaxSchedulerLagMilliseconds = Math.Max(result.MaxSchedulerLagMilliseconds, lag);
            var triggers = triggersByRequest[j].ToList();
            var body = Body(triggers, options.Batch - triggers.Count, ref backgroundSequence);
            result.EventsOffered += options.Batch;
            tasks.Add(SendAsync(client, body, triggers, result));
        }

        await Task.WhenAll(tasks);
        return result;
    }

    private async Task SendAsync(HttpClient client, byte[] body, List<int> triggers, LoadResult result)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var sent = Stopwatch.GetTimestamp();
        foreach (var trigger in triggers)
        {
            result.TriggerSent[trigger] = sent;
        }

        int status;
        var accepted = 0;
        try
        {
            using var response = await client.PostAsync(new Uri("api/v1/events", UriKind.Relative), content);
            status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
                accepted = json.RootElement.GetProperty("accepted").GetInt32();
            }
        }
        catch (HttpRequestException)
        {
            status = 0;
        }
        catch (TaskCanceledException)
        {
            status = -1;
        }

        var answered = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            result.StatusCounts[status] = result.StatusCounts.GetValueOrDefault(status) + 1;
            result.EventsAccepted += accepted;
            result.FailedRequests += status == 200 ? 0 : 1;
            result.RequestMilliseconds.Add(Stopwatch.GetElapsedTime(sent, answered).TotalMilliseconds);
            result.LastAnswered = Math.Max(result.LastAnswered, answered);
        }
    }

    private byte[] Body(List<int> triggers, int background, ref int sequence)
    {
        var occurredAt = DateTimeOffset.UtcNow.AddSeconds(-1).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var builder = new StringBuilder(options.Batch * 120);
        builder.Append('[');
        foreach (var trigger in triggers)
        {
            Separate(builder);
            builder.Append(CultureInfo.InvariantCulture, $"{{\"id\":\"trigger-{trigger}\",\"accountId\":\"{LoadDatabase.TriggerId(trigger)}\",\"type\":\"meeting\",\"quantity\":240,\"function\":\"sales\",\"occurredAt\":\"{occurredAt}\"}}");
        }

        for (var i = 0; i < background; i++, sequence++)
        {
            Separate(builder);
            var account = LoadDatabase.BackgroundId(sequence % options.BackgroundAccounts);
            builder.Append(CultureInfo.InvariantCulture, $"{{\"id\":\"bg-{sequence}\",\"accountId\":\"{account}\",\"type\":\"email_open\",\"occurredAt\":\"{occurredAt}\"}}");
        }

        builder.Append(']');
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private static void Separate(StringBuilder builder)
    {
        if (builder.Length > 1)
        {
            builder.Append(',');
        }
    }
}
