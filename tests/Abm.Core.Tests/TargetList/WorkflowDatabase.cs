using Abm.Core.Answers;
using Abm.Core.Domain;
using Abm.Core.Scoring;
using Abm.Core.Storage;
using Abm.Core.TargetList;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Abm.Core.Tests.TargetList;

/// <summary>
/// A migrated database in a temporary SQLite file (each context opens its own connection, as
/// separate bot instances would), or on PostgreSQL when asked, seeded with a small sales team.
/// </summary>
public sealed class WorkflowDatabase : IDbContextFactory<AbmDbContext>, IDisposable
{
    /// <summary>Set to a PostgreSQL connection string to run the concurrency tests there too.</summary>
    public const string PostgresVariable = "ABM_TEST_POSTGRES";

    public static readonly DateTimeOffset Start = new(2026, 3, 20, 9, 0, 0, TimeSpan.Zero);

    private readonly string? _file;
    private readonly string _connectionString;
    private readonly bool _postgres;

    private WorkflowDatabase(bool postgres)
    {
        _postgres = postgres;
        if (postgres)
        {
            var database = "abm_test_" + Guid.NewGuid().ToString("N")[..12];
            _connectionString = new Npgsql.NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresVariable)) { Database = database }.ConnectionString;
        }
        else
        {
            _file = Path.Combine(Path.GetTempPath(), $"abm-workflow-{Guid.NewGuid():N}.db");
            _connectionString = new SqliteConnectionStringBuilder { DataSource = _file, Pooling = false, DefaultTimeout = 30 }.ConnectionString;
        }

        using (var db = CreateDbContext())
        {
            db.Database.Migrate();
            Seed(db);
        }

        Clock = new FakeTimeProvider(Start);
    }

    public FakeTimeProvider Clock { get; }

    public static WorkflowDatabase Sqlite() => new(postgres: false);

    /// <summary>A PostgreSQL database, or null when <see cref="PostgresVariable"/> is not set.</summary>
    public static WorkflowDatabase? PostgresOrNull() =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable)) ? null : new(postgres: true);

    public AbmDbContext CreateDbContext()
    {
        if (_postgres)
        {
            var postgres = new DbContextOptionsBuilder<PostgresAbmDbContext>();
            AbmDbContextOptions.ConfigurePostgres(postgres, _connectionString);
            return new PostgresAbmDbContext(postgres.Options);
        }

        var sqlite = new DbContextOptionsBuilder<SqliteAbmDbContext>();
        AbmDbContextOptions.ConfigureSqlite(sqlite, _connectionString);
        return new SqliteAbmDbContext(sqlite.Options);
    }

    /// <summary>Builds the target-list service over this database with the given notifier.</summary>
    public TargetListService TargetList(IApprovalNotifier notifier, TargetListOptions? options = null)
    {
        options ??= new TargetListOptions();
        var scoring = new ScoringOptions();
        var fit = new FitScorer(scoring);
        var evidence = new EvidenceBuilder(this, new AccountRepository(this), new AccountAnalyzer(fit, new EngagementScorer(new AesModel(scoring))), fit, options, Clock);
        return new TargetListService(this, evidence, options, notifier, Clock, NullLogger<TargetListService>.Instance);
    }

    public void Dispose()
    {
        if (_postgres)
        {
            using var db = CreateDbContext();
            db.Database.EnsureDeleted();
        }
        else if (_file is not null)
        {
            File.Delete(_file);
        }
    }

    private static void Seed(AbmDbContext db)
    {
        db.People.AddRange(
            new Person { Id = "p-mia", Name = "Mia Manager", Role = PersonRole.Manager, TimeZone = "Europe/Berlin" },
            new Person { Id = "p-max", Name = "Max Manager", Role = PersonRole.Manager, TimeZone = "America/New_York" },
            new Person { Id = "p-rex", Name = "Rex Rep", Role = PersonRole.Rep, ManagerId = "p-mia", TimeZone = "Europe/Berlin" },
            new Person { Id = "p-sal", Name = "Sal Sdr", Role = PersonRole.Sdr, ManagerId = "p-mia", TimeZone = "America/New_York" },
            new Person { Id = "p-ole", Name = "Ole Orphan", Role = PersonRole.Rep },
            new Person { Id = "p-meg", Name = "Meg Marketing", Role = PersonRole.Marketing, TimeZone = "Europe/Berlin" },
            new Person { Id = "p-cat", Name = "Cat Success", Role = PersonRole.CustomerSuccess, TimeZone = "America/New_York" });
        db.Accounts.AddRange(
            new Account { Id = "a-contoso", Name = "Contoso Ltd", Domain = "contoso.com", Industry = "Software", Employees = 5000, Region = "EMEA", OwnerId = "p-rex" },
            new Account { Id = "a-contoso-de", Name = "Contoso Deutschland", Domain = "contoso.de", ParentAccountId = "a-contoso", OwnerId = "p-rex" },
            new Account { Id = "a-contosso", Name = "Contosso", Domain = "contosso.net" },
            new Account { Id = "a-fabrikam", Name = "Fabrikam Inc", Domain = "fabrikam.com", OwnerId = "p-rex" });
        db.TargetList.AddRange(
            new TargetListEntry { AccountId = "a-contoso-de", Status = TargetListStatus.Approved },
            new TargetListEntry { AccountId = "a-fabrikam", Status = TargetListStatus.Approved });
        db.Events.Add(new EngagementEvent { AccountId = "a-contoso", Type = "meeting", Function = BusinessFunction.Sales, OccurredAt = Start.AddDays(-2), Source = "test", SourceId = "m-1" });
        db.SaveChanges();
    }
}

/// <summary>Counts notifications, the way a channel would send them.</summary>
public sealed class CountingNotifier : IApprovalNotifier
{
    private int _created;
    private int _decided;

    public int Created => _created;

    public int Decided => _decided;

    public ProposalView? LastDecided { get; private set; }

    public Task ProposalCreatedAsync(ProposalView proposal, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _created);
        return Task.CompletedTask;
    }

    public Task ProposalDecidedAsync(ProposalView proposal, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _decided);
        LastDecided = proposal;
        return Task.CompletedTask;
    }

    public int Offered { get; private set; }

    public Task SendMissedCardsAsync(IReadOnlyList<ProposalView> pending, string approverId, CancellationToken cancellationToken)
    {
        Offered += pending.Count;
        return Task.CompletedTask;
    }
}
