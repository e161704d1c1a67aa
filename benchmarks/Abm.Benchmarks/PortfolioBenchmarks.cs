using Abm.Core.Answers;
using Abm.Core.Scoring;
using Abm.Core.Storage;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Abm.Benchmarks;

/// <summary>
/// Portfolio questions ("top 10 hot accounts in Software", "funnel") against a product database:
/// the full load and analysis per question that answered them before the portfolio cache, the
/// assistant with a warm cache, and the cache's first load after a write.
/// </summary>
/// <remarks>One invocation per iteration: a full load takes seconds, so BenchmarkDotNet's pilot stage would only add minutes.</remarks>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class PortfolioBenchmarks
{
    private static readonly Asker Bench = new(null, "Benchmark", "cli");
    private readonly ScoringOptions _options = new();
    private FitScorer? _fit;
    private EngagementScorer? _engagement;
    private PortfolioDatabase.Contexts? _contexts;
    private FixedClock? _clock;
    private PortfolioCache? _cache;
    private Assistant? _assistant;

    [GlobalSetup]
    public void SetUp()
    {
        var model = new AesModel(_options);
        var (accounts, events) = EventData.SizeFromEnvironment();
        var path = PortfolioDatabase.EnsureDatabase(model, accounts, events);
        _fit = new FitScorer(_options);
        _engagement = new EngagementScorer(model);
        _contexts = new PortfolioDatabase.Contexts(path);
        _clock = new FixedClock(DateTimeOffset.FromUnixTimeMilliseconds(EventData.AsOfMs));
        _cache = NewCache();
        _assistant = new Assistant(new AccountRepository(_contexts), _cache, new AccountAnalyzer(_fit, _engagement), _clock, NullLogger<Assistant>.Instance);

        // The first question loads the frame, so the warm benchmarks measure only the per-question work.
        _cache.ScoreAsync(_clock.GetUtcNow(), CancellationToken.None).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void CleanUp() => _cache?.Dispose();

    /// <summary>Before: every account, contact and event loaded as entities, then all scored, then ranked.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> TopTenFullLoad()
    {
        var (data, snapshots) = await AnalyzeFullyAsync();
        var filter = AccountFilter.Resolve("Software", data, null).Filter!;
        return snapshots.Where(filter.Matches)
            .OrderByDescending(s => s.Engagement.Score).ThenByDescending(s => s.Fit.Score).ThenBy(s => s.Account.Name, StringComparer.OrdinalIgnoreCase)
            .Take(10)
            .Count();
    }

    /// <summary>Before: the same full load, then the funnel over every account.</summary>
    [Benchmark]
    public async Task<int> FunnelFullLoad()
    {
        var (_, snapshots) = await AnalyzeFullyAsync();
        return Funnel.Count(snapshots.Select(s => s.ToFunnelAccount())).Count;
    }

    /// <summary>After: the assistant's answer with a warm cache (a version check, then AES for every account as of now).</summary>
    [Benchmark]
    public async Task<Reply> TopTenCached() =>
        await _assistant!.AskAsync("top 10 hot accounts in Software", Bench, CancellationToken.None);

    /// <summary>After: the funnel answer with a warm cache.</summary>
    [Benchmark]
    public async Task<Reply> FunnelCached() =>
        await _assistant!.AskAsync("funnel", Bench, CancellationToken.None);

    /// <summary>After, first question after a write: a new cache loads the frame, then scores.</summary>
    [Benchmark]
    public async Task<int> ColdLoadThenScore()
    {
        using var cache = NewCache();
        var scores = await cache.ScoreAsync(_clock!.GetUtcNow(), CancellationToken.None);
        return scores.Snapshots.Count;
    }

    private PortfolioCache NewCache() => new(_contexts!, _fit!, _engagement!, _clock!, NullLogger<PortfolioCache>.Instance);

    private async Task<(PortfolioData Data, IReadOnlyList<AccountSnapshot> Snapshots)> AnalyzeFullyAsync()
    {
        var data = await new AccountRepository(_contexts!).LoadAllAsync(CancellationToken.None);
        return (data, new AccountAnalyzer(_fit!, _engagement!).Analyze(data, _clock!.GetUtcNow()));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
