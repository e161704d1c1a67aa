using System.Globalization;
using Abm.Benchmarks;
using Abm.Core.Scoring;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

// `prepare` builds the cached SQLite file ahead of a measuring run, `prepare-portfolio` the
// product database of the portfolio benchmarks; anything else goes to BenchmarkDotNet.
var (accounts, events) = EventData.SizeFromEnvironment();
if (args is ["prepare"])
{
    var path = SqliteEvents.EnsureDatabase(new AesModel(new ScoringOptions()), accounts, events);
    Console.WriteLine($"SQLite events for {SqliteEvents.Describe(accounts, events)}: {path}");
    return 0;
}

if (args is ["prepare-portfolio"])
{
    var path = PortfolioDatabase.EnsureDatabase(new AesModel(new ScoringOptions()), accounts, events);
    Console.WriteLine($"Product database for {SqliteEvents.Describe(accounts, events)}: {path}");
    return 0;
}

if (args is ["measure-portfolio"])
{
    await PortfolioMemory.PrintAsync(accounts, events);
    return 0;
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(AesRecomputeBenchmarks).Assembly).Run(args);
PrintThroughput(summaries, events);
return 0;

static void PrintThroughput(IEnumerable<Summary> summaries, int events)
{
    foreach (var report in summaries.SelectMany(s => s.Reports).Where(r => r.BenchmarkCase.Descriptor.Type == typeof(AesRecomputeBenchmarks)))
    {
        var mean = report.ResultStatistics?.Mean;
        if (mean is null or <= 0)
        {
            continue;
        }

        var perSecond = events / (mean.Value / 1e9);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{report.BenchmarkCase.Descriptor.WorkloadMethod.Name,-16} {events:N0} events in {mean.Value / 1e6:N1} ms: {perSecond:N0} events/s on one core"));
    }
}
