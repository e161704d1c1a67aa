using System.Diagnostics;
using System.Globalization;
using Abm.Core.Answers;
using Abm.Core.Scoring;
using Microsoft.Extensions.Logging.Abstractions;

namespace Abm.Benchmarks;

/// <summary>Prints how much managed memory a loaded portfolio cache keeps, and how long the load and one scoring took.</summary>
public static class PortfolioMemory
{
    public static async Task PrintAsync(int accounts, int events)
    {
        var options = new ScoringOptions();
        var model = new AesModel(options);
        var path = PortfolioDatabase.EnsureDatabase(model, accounts, events);
        var asOf = DateTimeOffset.FromUnixTimeMilliseconds(EventData.AsOfMs);
        var contexts = new PortfolioDatabase.Contexts(path);

        var before = GC.GetTotalMemory(forceFullCollection: true);
        using var cache = new PortfolioCache(contexts, new FitScorer(options), new EngagementScorer(model), TimeProvider.System, NullLogger<PortfolioCache>.Instance);
        var load = Stopwatch.StartNew();
        await cache.ScoreAsync(asOf, CancellationToken.None);
        load.Stop();
        var score = Stopwatch.StartNew();
        var scores = await cache.ScoreAsync(asOf, CancellationToken.None);
        score.Stop();
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(scores);

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{SqliteEvents.Describe(accounts, events)}: first question (load and score) {load.Elapsed.TotalMilliseconds:N0} ms, next question {score.Elapsed.TotalMilliseconds:N0} ms, managed memory kept with one scored answer {retained / 1048576.0:N0} MiB"));
    }
}
