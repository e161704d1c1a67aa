using Abm.Core.Answers;
using Abm.Core.Demo;
using Abm.Core.Scoring;
using Abm.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Abm.Core.Tests.Storage;

/// <summary>
/// Migrates a real PostgreSQL database, seeds the demo data and checks that every answer reads
/// the same as on SQLite. The server comes from <c>ABM_TEST_POSTGRES</c>, which the test script
/// sets after starting a throwaway cluster; under CI a missing server fails the test.
/// </summary>
public sealed class PostgresParityTests
{
    private const string PostgresVariable = "ABM_TEST_POSTGRES";

    private static readonly DateTimeOffset AsOf = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    private static readonly string[] Questions =
    [
        "top 10 accounts",
        "top 10 accounts by fit in EMEA",
        "tell me about Quillmere Analytics",
        "why is Tessaline Foods cooling",
        "top events Orbisant Health",
        "what changed this week",
        "funnel",
        "funnel for Software",
    ];

    [Fact]
    public async Task DemoAnswers_MatchSqlite()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            Assert.False(
                string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
                $"{PostgresVariable} is not set. Run scripts/test.sh, which starts a PostgreSQL server and sets it.");
            return;
        }

        var database = "abm_parity_" + Guid.NewGuid().ToString("N")[..12];
        var postgres = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        var sqliteFile = Path.Combine(Path.GetTempPath(), $"abm-parity-{Guid.NewGuid():N}.db");
        try
        {
            var expected = await AnswerAllAsync(new StorageOptions { Provider = StorageOptions.SqliteProvider, ConnectionString = "Data Source=" + sqliteFile });
            var actual = await AnswerAllAsync(new StorageOptions { Provider = StorageOptions.PostgresProvider, ConnectionString = postgres });

            for (var i = 0; i < Questions.Length; i++)
            {
                Assert.Equal(expected[i], actual[i]);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(sqliteFile);
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = admin.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Migrates and seeds one database, then returns the text of each answer in <see cref="Questions"/>.</summary>
    private static async Task<List<string>> AnswerAllAsync(StorageOptions storage)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(AsOf));
        services.AddAbmStorage(storage);
        services.AddAbmScoring();
        services.AddAbmAnswers();
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        await using (var db = await provider.GetRequiredService<IDbContextFactory<AbmDbContext>>().CreateDbContextAsync())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.True(await DemoData.SeedAsync(db, AsOf));
        }

        var answers = new List<string>();
        await using var scope = provider.CreateAsyncScope();
        var assistant = scope.ServiceProvider.GetRequiredService<IAssistant>();
        foreach (var question in Questions)
        {
            var reply = await assistant.AskAsync(question, new Asker(null, "Parity test", "cli"), CancellationToken.None);
            answers.Add(ReplyText.Format(reply));
        }

        return answers;
    }
}
