using System.Diagnostics;
using HdrHistogram;

namespace Abm.LoadTest;

/// <summary>One kind of request: builds request number n and names the reply that completes it.</summary>
internal sealed record Scenario(string Name, Func<long, (HttpRequestMessage Request, string CorrelationId)> Create);

/// <summary>
/// Figures of one phase. A request counts once its reply reached the fake (connector or Slack
/// API); latency runs from the moment the request was due to that reply.
/// </summary>
internal sealed record PhaseResult(string Name, string Mode, double Seconds, long Completed, long Errors, long P50Micros, long P99Micros, long MaxMicros)
{
    public double PerSecond => Completed / Seconds;
}

/// <summary>Drives a scenario closed-loop (fixed concurrency, for throughput) or open-loop (fixed rate, for latency).</summary>
internal sealed class LoadRunner(HttpClient client, ReplyTracker tracker)
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(10);
    private long _sequence;

    /// <summary>Keeps <paramref name="connections"/> requests in flight; each sends its next one when the reply arrives.</summary>
    public async Task<PhaseResult> RunClosedAsync(Scenario scenario, int connections, TimeSpan warmup, TimeSpan duration)
    {
        var histogram = NewHistogram();
        long completed = 0, errors = 0;
        var clock = Stopwatch.StartNew();
        var measureFrom = warmup;
        var end = warmup + duration;

        async Task WorkerAsync()
        {
            while (clock.Elapsed < end)
            {
                var started = clock.Elapsed;
                var ok = await SendOneAsync(scenario);
                var finished = clock.Elapsed;
                if (started < measureFrom || finished > end)
                {
                    continue;
                }

                if (ok)
                {
                    histogram.RecordValue(Math.Max(1, (long)(finished - started).TotalMicroseconds));
                    Interlocked.Increment(ref completed);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(WorkerAsync)));
        return Result(scenario.Name, $"closed loop, {connections} in flight", duration, completed, errors, histogram);
    }

    /// <summary>Starts requests at a fixed rate whatever the replies do, so a slow reply cannot hold back the next request.</summary>
    public async Task<PhaseResult> RunOpenAsync(Scenario scenario, double perSecond, TimeSpan warmup, TimeSpan duration)
    {
        var histogram = NewHistogram();
        long completed = 0, errors = 0;
        var running = new List<Task>();
        var clock = Stopwatch.StartNew();
        var total = (long)((warmup + duration).TotalSeconds * perSecond);
        var measuredFrom = (long)(warmup.TotalSeconds * perSecond);

        async Task OneAsync(TimeSpan due, bool measured)
        {
            var ok = await SendOneAsync(scenario);
            if (!measured)
            {
                return;
            }

            if (ok)
            {
                histogram.RecordValue(Math.Max(1, (long)(clock.Elapsed - due).TotalMicroseconds));
                Interlocked.Increment(ref completed);
            }
            else
            {
                Interlocked.Increment(ref errors);
            }
        }

        for (long i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            running.Add(OneAsync(due, i >= measuredFrom));
        }

        await Task.WhenAll(running);
        return Result(scenario.Name, $"open loop, {perSecond:0} requests/s", duration, completed, errors, histogram);
    }

    /// <summary>Sends requests one after another (the first turns compile code and fetch keys); returns how many got their reply.</summary>
    public async Task<int> WarmAsync(Scenario scenario, int count)
    {
        var succeeded = 0;
        for (var i = 0; i < count; i++)
        {
            succeeded += await SendOneAsync(scenario) ? 1 : 0;
        }

        return succeeded;
    }

    /// <summary>Why the latest request failed, for the run's diagnostics.</summary>
    public string? LastFailure { get; private set; }

    private async Task<bool> SendOneAsync(Scenario scenario)
    {
        var (request, correlationId) = scenario.Create(Interlocked.Increment(ref _sequence));
        var reply = tracker.Expect(correlationId);
        try
        {
            using (request)
            using (var response = await client.SendAsync(request))
            {
                if (!response.IsSuccessStatusCode)
                {
                    LastFailure = $"HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
                    return false;
                }
            }

            await reply.WaitAsync(ReplyTimeout);
            return true;
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutException or TaskCanceledException)
        {
            LastFailure = exception.GetType().Name + ": " + exception.Message;
            return false;
        }
        finally
        {
            tracker.Forget(correlationId);
        }
    }

    private static LongConcurrentHistogram NewHistogram() => new(1, 60_000_000, 3);

    private static PhaseResult Result(string name, string mode, TimeSpan duration, long completed, long errors, LongConcurrentHistogram histogram) =>
        new(
            name,
            mode,
            duration.TotalSeconds,
            completed,
            errors,
            histogram.TotalCount == 0 ? 0 : histogram.GetValueAtPercentile(50),
            histogram.TotalCount == 0 ? 0 : histogram.GetValueAtPercentile(99),
            histogram.TotalCount == 0 ? 0 : histogram.GetMaxValue());
}
