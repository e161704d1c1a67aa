using System.Globalization;
using Abm.Core.Domain;
using Abm.Core.Scoring;
using Abm.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Abm.Benchmarks;

/// <summary>
/// A product database (the migrated Abm schema in a SQLite file) with the benchmark's accounts and
/// events, for questions answered through the assistant. Built once per size and seed and cached
/// next to the AES benchmark's file.
/// </summary>
/// <remarks>
/// Rows: 20 owners; per account a name, one of 8 industries and 4 regions, 1 to 8 contacts, the
/// events of <see cref="EventData.Generate"/> (same seed, so the same times, types, contacts and
/// quantities), a deal for about one account in three and an approved target-list entry for
/// about one in ten.
/// </remarks>
public static class PortfolioDatabase
{
    public static readonly string[] Industries = ["Software", "Retail", "Banking", "Healthcare", "Manufacturing", "Media", "Energy", "Logistics"];

    private const int Version = 1;
    private const int OwnerCount = 20;
    private static readonly string[] Regions = ["EMEA", "North America", "APAC", "LATAM"];

    /// <summary>Where the cached database for a size lives.</summary>
    public static string PathFor(int accounts, int events) =>
        Path.Combine(Path.GetTempPath(), "abm-benchmarks", $"portfolio-{accounts}x{events}-seed{EventData.Seed}-v{Version}.db");

    /// <summary>Returns the cached file, building it first when it is missing.</summary>
    public static string EnsureDatabase(AesModel model, int accounts, int events)
    {
        var path = PathFor(accounts, events);
        if (File.Exists(path))
        {
            return path;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var building = path + ".building-" + Environment.ProcessId;
        using (var db = new SqliteAbmDbContext(new DbContextOptionsBuilder<SqliteAbmDbContext>().UseSqlite("Data Source=" + building + ";Pooling=False").Options))
        {
            db.Database.Migrate();
        }

        var data = EventData.Generate(model, accounts, events);
        using (var connection = new SqliteConnection("Data Source=" + building + ";Pooling=False"))
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;");
            using var transaction = connection.BeginTransaction();
            InsertPeopleAndAccounts(connection, transaction, accounts);
            InsertEvents(connection, transaction, model, data);
            transaction.Commit();
            Execute(connection, "ANALYZE;");
        }

        SqliteConnection.ClearAllPools();
        File.Move(building, path, overwrite: true);
        return path;
    }

    /// <summary>Opens a context on the file, as the bot does with its default provider.</summary>
    public static SqliteAbmDbContext CreateContext(string path) =>
        new(new DbContextOptionsBuilder<SqliteAbmDbContext>().UseSqlite("Data Source=" + path).Options);

    /// <summary>Hands out contexts on one file, like the bot's context factory.</summary>
    public sealed class Contexts(string path) : IDbContextFactory<AbmDbContext>
    {
        public AbmDbContext CreateDbContext() => CreateContext(path);
    }

    /// <summary>The id of account <paramref name="index"/>.</summary>
    public static string AccountId(int index) => string.Create(CultureInfo.InvariantCulture, $"acct-{index:D6}");

    private static void InsertPeopleAndAccounts(SqliteConnection connection, SqliteTransaction transaction, int accounts)
    {
        for (var p = 0; p < OwnerCount; p++)
        {
            Execute(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"INSERT INTO \"People\" (\"Id\", \"Name\", \"Role\", \"TimeZone\") VALUES ('p-{p}', 'Owner {p}', 'Rep', 'UTC')"));
        }

        var random = new Random(EventData.Seed + 1);
        using var account = Prepare(connection, transaction, "INSERT INTO \"Accounts\" (\"Id\", \"Name\", \"Industry\", \"Employees\", \"AnnualRevenueUsd\", \"Country\", \"Region\", \"OwnerId\") VALUES ($0, $1, $2, $3, $4, $5, $6, $7)", 8);
        using var deal = Prepare(connection, transaction, "INSERT INTO \"Opportunities\" (\"Id\", \"AccountId\", \"Stage\", \"Amount\", \"CreatedAt\", \"IsExpansion\") VALUES ($0, $1, $2, $3, $4, 0)", 5);
        using var target = Prepare(connection, transaction, "INSERT INTO \"TargetList\" (\"AccountId\", \"Status\", \"ProgramTier\", \"ChangedAt\") VALUES ($0, 'Approved', 1, $1)", 2);
        for (var a = 0; a < accounts; a++)
        {
            var id = AccountId(a);
            Run(account, id, $"Company {a}", Industries[a % Industries.Length], random.Next(20, 200_000), (random.Next(1, 20_000) * 100_000m).ToString(CultureInfo.InvariantCulture), "Country " + (a % 30).ToString(CultureInfo.InvariantCulture), Regions[random.Next(Regions.Length)], $"p-{a % OwnerCount}");
            if (random.Next(3) == 0)
            {
                var stage = (OpportunityStage)random.Next(6);
                Run(deal, "o-" + id, id, stage.ToString(), (random.Next(1, 500) * 1_000m).ToString(CultureInfo.InvariantCulture), EventData.AsOfMs - random.NextInt64(365L * 86_400_000));
            }

            if (random.Next(10) == 0)
            {
                Run(target, id, EventData.AsOfMs - 86_400_000);
            }
        }
    }

    private static void InsertEvents(SqliteConnection connection, SqliteTransaction transaction, AesModel model, EventData data)
    {
        var maxContacts = data.Events.Length == 0 ? 0 : data.Events.Max(e => e.ContactIndex) + 1;
        using var contact = Prepare(connection, transaction, "INSERT INTO \"Contacts\" (\"Id\", \"AccountId\", \"Name\", \"Seniority\", \"BuyingRole\") VALUES ($0, $1, $2, $3, $4)", 5);
        using var insert = Prepare(connection, transaction, "INSERT INTO \"Events\" (\"AccountId\", \"Type\", \"Function\", \"OccurredAt\", \"ContactId\", \"Source\", \"SourceId\", \"Quantity\") VALUES ($0, $1, $2, $3, $4, 'bench', $5, $6)", 7);

        // Type index 0 (unknown) and 1 (excluded) get names the configuration does not list or excludes.
        var typeNames = Enumerable.Range(0, model.TypeCount)
            .Select(t => t switch
            {
                AesModel.UnknownTypeIndex => "legacy_touch",
                AesModel.ExcludedTypeIndex => "login",
                _ => model.TypeNameOf(t),
            })
            .ToArray();
        var starts = data.AccountStarts;
        var sourceId = 0L;
        var seen = new bool[maxContacts];
        for (var a = 0; a < starts.Length; a++)
        {
            var accountId = AccountId(a);
            var end = a + 1 < starts.Length ? starts[a + 1] : data.Events.Length;
            Array.Clear(seen);
            for (var i = starts[a]; i < end; i++)
            {
                ref readonly var e = ref data.Events[i];
                string? contactId = null;
                if (e.ContactIndex >= 0)
                {
                    contactId = accountId + "-c" + e.ContactIndex.ToString(CultureInfo.InvariantCulture);
                    if (!seen[e.ContactIndex])
                    {
                        // A contact's persona is fixed by its first event, so scoring sees one persona per contact.
                        seen[e.ContactIndex] = true;
                        Run(contact, contactId, accountId, "Contact " + contactId, e.Seniority.ToString(), e.BuyingRole.ToString());
                    }
                }

                object quantity = float.IsNaN(e.Quantity) ? DBNull.Value : ((decimal)e.Quantity).ToString(CultureInfo.InvariantCulture);
                Run(insert, accountId, typeNames[e.TypeIndex], e.Function.ToString(), e.OccurredAtMs, (object?)contactId ?? DBNull.Value, (sourceId++).ToString(CultureInfo.InvariantCulture), quantity);
            }
        }
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, int parameterCount)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var p = 0; p < parameterCount; p++)
        {
            command.Parameters.Add(new SqliteParameter("$" + p.ToString(CultureInfo.InvariantCulture), null));
        }

        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var p = 0; p < values.Length; p++)
        {
            command.Parameters[p].Value = values[p] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, string sql) => Execute(connection, null, sql);

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
