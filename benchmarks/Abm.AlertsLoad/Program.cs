using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Abm.AlertsLoad;

// Event ingested → alert posted. The program starts the real abm against a fresh SQLite file and
// a loopback fake of the Slack Web API, and offers events at a fixed rate. It times each alert
// from the request that carried its trigger event to the chat.postMessage at the fake.
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

var databasePath = Path.Combine(Path.GetTempPath(), "abm-alerts-load-" + Guid.NewGuid().ToString("N") + ".db");
var invariant = CultureInfo.InvariantCulture;
try
{
    await using var slack = await FakeSlack.StartAsync(TimeSpan.FromMilliseconds(options.FakeChannelIntervalMs));
    await LoadDatabase.CreateAsync(databasePath, options);
    var settings = AbmProcess.Settings(databasePath, slack);
    var apiKey = await AbmProcess.CreateApiKeyAsync(options.AbmPath, settings, "alerts-load");

    LoadResult load;
    await using (var host = await AbmProcess.StartAsync(options.AbmPath, settings, options.HostArguments))
    {
        Console.WriteLine(string.Create(invariant, $"abm serve: PID {host.Id} at {host.BaseAddress}; load average at start: {LoadAverage()}"));
        Console.WriteLine(string.Create(invariant, $"Offering {options.Rate} events/s for {options.DurationSeconds} s in batches of {options.Batch} ({options.RequestsPerSecond:0.#} requests/s); {options.AlertsPerSecond} triggers/s over {options.Channels} channels."));
        load = await new EventLoad(options, host.BaseAddress, apiKey).RunAsync();
        await WaitForAlertsAsync(slack, options.ExpectedAlerts, TimeSpan.FromSeconds(options.DrainSeconds));
    }

    var raised = await LoadDatabase.AlertsByRuleAsync(databasePath);
    Report(options, load, slack, raised);
    return 0;
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
    {
        File.Delete(file);
    }
}

static async Task WaitForAlertsAsync(FakeSlack slack, int expected, TimeSpan timeout)
{
    var waited = Stopwatch.StartNew();
    while (slack.Arrivals.Where(a => a.Trigger is not null).Select(a => a.Trigger).Distinct().Count() < expected && waited.Elapsed < timeout)
    {
        await Task.Delay(100);
    }
}

static void Report(LoadOptions options, LoadResult load, FakeSlack slack, Dictionary<string, int> raised)
{
    var invariant = CultureInfo.InvariantCulture;
    var arrivals = slack.Arrivals;
    var firstArrival = arrivals.Where(a => a.Trigger is not null).GroupBy(a => a.Trigger!.Value).ToDictionary(g => g.Key, g => g.Min(a => a.Timestamp));
    var latencies = firstArrival.Select(p => Stopwatch.GetElapsedTime(load.TriggerSent[p.Key], p.Value).TotalMilliseconds).Order().ToArray();
    var repeats = arrivals.Count(a => a.Trigger is not null) - firstArrival.Count;
    var unexpected = arrivals.Count(a => a.Trigger is null);
    var ingestSeconds = Stopwatch.GetElapsedTime(load.FirstSent, load.LastAnswered).TotalSeconds;
    var requests = load.RequestMilliseconds.Order().ToArray();

    Console.WriteLine();
    Console.WriteLine("Machine: " + string.Create(invariant, $"{Environment.ProcessorCount} cores, {CpuModel()}, {RuntimeInformation.FrameworkDescription}"));
    Console.WriteLine(string.Create(invariant, $"Fake Slack: channel limit {(options.FakeChannelIntervalMs == 0 ? "off" : options.FakeChannelIntervalMs + " ms")}, 429s sent {slack.RateLimited}, chat.update calls {slack.Updates}, problems {slack.Problems}"));
    Console.WriteLine(string.Create(invariant, $"Events offered {load.EventsOffered}, accepted {load.EventsAccepted}; requests {requests.Length}, failed {load.FailedRequests} (status counts: {string.Join(", ", load.StatusCounts.OrderBy(p => p.Key).Select(p => $"{p.Key}×{p.Value}"))})"));
    Console.WriteLine(string.Create(invariant, $"Ingest throughput: {load.EventsAccepted / ingestSeconds:0} events/s accepted over {ingestSeconds:0.0} s (first request sent to last answered); request latency p50 {Percentile(requests, 0.50):0} ms, p99 {Percentile(requests, 0.99):0} ms, max {requests.LastOrDefault():0} ms; sender lag max {load.MaxSchedulerLagMilliseconds:0} ms"));
    Console.WriteLine(string.Create(invariant, $"Alerts raised by rule: {string.Join(", ", raised.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"))}"));
    Console.WriteLine(string.Create(invariant, $"Alerts delivered {firstArrival.Count} of {options.ExpectedAlerts} expected; repeats {repeats}; unexpected {unexpected}"));
    if (latencies.Length > 0)
    {
        Console.WriteLine(string.Create(invariant, $"Event → alert latency: p50 {Percentile(latencies, 0.50):0} ms, p99 {Percentile(latencies, 0.99):0} ms, max {latencies[^1]:0} ms (goal p99 < 1000 ms: {(Percentile(latencies, 0.99) < 1000 && firstArrival.Count == options.ExpectedAlerts ? "met" : "not met")})"));
    }
}

// Nearest rank: the smallest sample with at least q of the samples at or below it.
static double Percentile(double[] sorted, double q) =>
    sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

static string CpuModel() =>
    File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
        : "unknown CPU";
