using Abm.Core.Scoring;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;

namespace Abm.Benchmarks;

/// <summary>
/// A full AES recompute of every account, once through the product's <see cref="AesCalculator"/>
/// on one thread and once as a SQL aggregate over the same events in a SQLite file.
/// </summary>
[MemoryDiagnoser]
public class AesRecomputeBenchmarks
{
    private readonly AesModel _model = new(new ScoringOptions());
    private EventData? _data;
    private AesCalculator? _calculator;
    private AesTotals[] _totals = [];
    private SqliteConnection? _connection;
    private SqliteCommand? _command;
    private double[] _sums = [];

    [GlobalSetup(Target = nameof(Calculator))]
    public void SetUpCalculator()
    {
        var (accounts, events) = EventData.SizeFromEnvironment();
        _data = EventData.Generate(_model, accounts, events);
        _calculator = new AesCalculator(_model);
        _totals = new AesTotals[accounts];
    }

    [GlobalSetup(Target = nameof(SqliteAggregate))]
    public void SetUpSqlite()
    {
        var (accounts, events) = EventData.SizeFromEnvironment();
        var path = SqliteEvents.EnsureDatabase(_model, accounts, events);
        _connection = SqliteEvents.Open(path, out var registeredExp);
        Console.WriteLine(registeredExp
            ? "// SQLite lacks math functions here: exp() is registered with SqliteConnection.CreateFunction."
            : "// SQLite's built-in exp() is used.");
        _command = SqliteEvents.CreateAggregateCommand(_connection, _model);
        _sums = new double[accounts];
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        _command?.Dispose();
        _connection?.Dispose();
    }

    /// <summary>The product's recompute: every account's totals on one core.</summary>
    [Benchmark]
    public double Calculator()
    {
        _calculator!.ComputeAll(_data!.Events, _data.AccountStarts, EventData.AsOfMs, _totals);
        return _totals[^1].RawPoints;
    }

    /// <summary>The decayed sum per account as one SQLite query.</summary>
    [Benchmark(Baseline = true)]
    public int SqliteAggregate() => SqliteEvents.RunAggregate(_command!, _sums);
}
