using System.Globalization;
using Abm.Core.Scoring;
using Microsoft.Data.Sqlite;

namespace Abm.Benchmarks;

/// <summary>
/// The same events in a real SQLite file, with a per-type weights table and a persona table, and
/// the AES sum as one SQL aggregate. The file is built once per size and seed and cached under the
/// system temp folder, so later runs reuse it.
/// </summary>
public static class SqliteEvents
{
    /// <summary>Decayed points per account, computed in SQL: weights joined, decay with exp().</summary>
    /// <remarks>
    /// Does less than the calculator: no per-contact daily cap, breadth, roles, functions or the
    /// 7-day-back sum, which a single aggregate cannot express cheaply. The comparison favours SQL.
    /// </remarks>
    public const string AesQuery = """
        SELECT e.account_id,
               SUM((w.points + w.per_unit * COALESCE(e.quantity, w.default_quantity))
                   * CASE WHEN e.contact >= 0 THEN p.multiplier ELSE $anonymous END
                   * exp(-0.6931471805599453 * ($asOf - e.occurred_at_ms) / w.half_life_ms))
        FROM events e
        JOIN weights w ON w.type_id = e.type_id
        JOIN personas p ON p.seniority = e.seniority
        WHERE e.occurred_at_ms <= $asOf AND e.type_id <> 1
        GROUP BY e.account_id
        """;

    private const int Version = 1;

    /// <summary>Where the cached database for a size lives.</summary>
    public static string PathFor(int accounts, int events) =>
        Path.Combine(Path.GetTempPath(), "abm-benchmarks", $"aes-{accounts}x{events}-seed{EventData.Seed}-v{Version}.db");

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
        var data = EventData.Generate(model, accounts, events);
        using (var connection = new SqliteConnection("Data Source=" + building + ";Pooling=False"))
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;");
            Execute(connection, """
                CREATE TABLE weights(type_id INTEGER PRIMARY KEY, points REAL NOT NULL, per_unit REAL NOT NULL, default_quantity REAL NOT NULL, half_life_ms REAL NOT NULL);
                CREATE TABLE personas(seniority INTEGER PRIMARY KEY, multiplier REAL NOT NULL);
                CREATE TABLE events(account_id INTEGER NOT NULL, contact INTEGER NOT NULL, type_id INTEGER NOT NULL, occurred_at_ms INTEGER NOT NULL, quantity REAL, seniority INTEGER NOT NULL);
                """);
            InsertWeights(connection, model);
            InsertEvents(connection, data);
            Execute(connection, "CREATE INDEX events_account ON events(account_id); ANALYZE;");
        }

        SqliteConnection.ClearAllPools();
        File.Move(building, path, overwrite: true);
        return path;
    }

    /// <summary>Opens the file read-only with exp() available, registering it when the SQLite build lacks math functions.</summary>
    public static SqliteConnection Open(string path, out bool registeredExp)
    {
        var connection = new SqliteConnection("Data Source=" + path + ";Mode=ReadOnly;Pooling=False");
        connection.Open();
        registeredExp = false;
        try
        {
            Execute(connection, "SELECT exp(0.0)");
        }
        catch (SqliteException)
        {
            connection.CreateFunction("exp", (double x) => Math.Exp(x), isDeterministic: true);
            registeredExp = true;
        }

        return connection;
    }

    /// <summary>Runs <see cref="AesQuery"/> and writes each account's sum into <paramref name="results"/>.</summary>
    public static int RunAggregate(SqliteCommand command, double[] results)
    {
        var rows = 0;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            results[reader.GetInt32(0)] = reader.GetDouble(1);
            rows++;
        }

        return rows;
    }

    public static SqliteCommand CreateAggregateCommand(SqliteConnection connection, AesModel model)
    {
        var command = connection.CreateCommand();
        command.CommandText = AesQuery;
        command.Parameters.AddWithValue("$asOf", EventData.AsOfMs);
        command.Parameters.AddWithValue("$anonymous", model.Options.AnonymousMultiplier);
        command.Prepare();
        return command;
    }

    private static void InsertWeights(SqliteConnection connection, AesModel model)
    {
        var options = model.Options;
        var byName = new Dictionary<string, EventTypeOptions>(options.EventTypes, StringComparer.OrdinalIgnoreCase);
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO weights VALUES ($id, $points, $perUnit, $default, $halfLife)";
        for (var type = 0; type < model.TypeCount; type++)
        {
            var typeOptions = type == AesModel.UnknownTypeIndex ? options.UnknownType
                : type == AesModel.ExcludedTypeIndex ? new EventTypeOptions { Points = 0, HalfLife = TimeSpan.FromDays(1) }
                : byName[model.TypeNameOf(type)];
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$id", type);
            command.Parameters.AddWithValue("$points", typeOptions.Points);
            command.Parameters.AddWithValue("$perUnit", typeOptions.PointsPerUnit);
            command.Parameters.AddWithValue("$default", typeOptions.DefaultQuantity);
            command.Parameters.AddWithValue("$halfLife", typeOptions.HalfLife.TotalMilliseconds);
            command.ExecuteNonQuery();
        }

        command.CommandText = "INSERT INTO personas VALUES ($seniority, $multiplier)";
        foreach (var seniority in Enum.GetValues<Abm.Core.Domain.Seniority>())
        {
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$seniority", (int)seniority);
            command.Parameters.AddWithValue("$multiplier", options.PersonaMultipliers.TryGetValue(seniority, out var multiplier) ? multiplier : 1.0);
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static void InsertEvents(SqliteConnection connection, EventData data)
    {
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO events VALUES ($account, $contact, $type, $at, $quantity, $seniority)";
        var account = command.Parameters.Add("$account", SqliteType.Integer);
        var contact = command.Parameters.Add("$contact", SqliteType.Integer);
        var type = command.Parameters.Add("$type", SqliteType.Integer);
        var at = command.Parameters.Add("$at", SqliteType.Integer);
        var quantity = command.Parameters.Add("$quantity", SqliteType.Real);
        var seniority = command.Parameters.Add("$seniority", SqliteType.Integer);
        command.Prepare();

        var starts = data.AccountStarts;
        for (var a = 0; a < starts.Length; a++)
        {
            var end = a + 1 < starts.Length ? starts[a + 1] : data.Events.Length;
            account.Value = a;
            for (var i = starts[a]; i < end; i++)
            {
                ref readonly var e = ref data.Events[i];
                contact.Value = e.ContactIndex;
                type.Value = e.TypeIndex;
                at.Value = e.OccurredAtMs;
                quantity.Value = float.IsNaN(e.Quantity) ? DBNull.Value : (double)e.Quantity;
                seniority.Value = (int)e.Seniority;
                command.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    internal static string Describe(int accounts, int events) =>
        string.Create(CultureInfo.InvariantCulture, $"{accounts:N0} accounts × {events:N0} events");
}
