using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Abm.Core.Storage;

/// <summary>
/// Stores many <see cref="ProcessedInboundEvent"/> keys in one statement and reports which were new:
/// <c>INSERT … ON CONFLICT ("Key") DO NOTHING RETURNING "Key"</c>, which SQLite (3.35 and later)
/// and PostgreSQL both run as written. The primary key decides between concurrent writers, also
/// across bot instances sharing one database, so each key is returned to exactly one caller.
/// </summary>
public static class ProcessedInboundEventInsert
{
    /// <summary>Maximum keys per call. Each key is one parameter, far below both providers' parameter limits.</summary>
    public const int MaxKeys = 1000;

    /// <summary>Inserts the keys that are not stored yet and returns them; keys already stored are left as they are.</summary>
    /// <exception cref="ArgumentException">More than <see cref="MaxKeys"/> keys, or a duplicate key.</exception>
    public static async Task<HashSet<string>> InsertNewAsync(
        AbmDbContext db, IReadOnlyCollection<string> keys, DateTimeOffset processedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count > MaxKeys)
        {
            throw new ArgumentException($"{keys.Count} keys were passed; pass at most {MaxKeys} per call.", nameof(keys));
        }

        var inserted = new HashSet<string>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return inserted;
        }

        // Every writer inserts in the same order, so two PostgreSQL transactions that share keys
        // lock them in the same order, which avoids a deadlock between them.
        var ordered = keys.Order(StringComparer.Ordinal).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (string.Equals(ordered[i - 1], ordered[i], StringComparison.Ordinal))
            {
                throw new ArgumentException($"The key '{ordered[i]}' was passed twice; pass each key once.", nameof(keys));
            }
        }

        var entityType = db.Model.FindEntityType(typeof(ProcessedInboundEvent))
            ?? throw new InvalidOperationException($"{nameof(ProcessedInboundEvent)} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var keyProperty = entityType.FindProperty(nameof(ProcessedInboundEvent.Key))!;
        var timeProperty = entityType.FindProperty(nameof(ProcessedInboundEvent.ProcessedAt))!;
        var keyColumn = keyProperty.GetColumnName(table)!;
        var timeColumn = timeProperty.GetColumnName(table)!;
        var storedTime = timeProperty.GetTypeMapping().Converter?.ConvertToProvider(processedAt) ?? processedAt;

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = Sql(table.Name, keyColumn, timeColumn, ordered.Count);
            AddParameter(command, "@t", storedTime);
            for (var i = 0; i < ordered.Count; i++)
            {
                AddParameter(command, $"@k{i}", ordered[i]);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                inserted.Add(reader.GetString(0));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return inserted;
    }

    private static string Sql(string table, string keyColumn, string timeColumn, int keyCount)
    {
        var sql = new StringBuilder();
        sql.Append("INSERT INTO \"").Append(table).Append("\" (\"").Append(keyColumn).Append("\", \"").Append(timeColumn).Append("\") VALUES ");
        for (var i = 0; i < keyCount; i++)
        {
            sql.Append(i == 0 ? "(@k" : ", (@k").Append(i).Append(", @t)");
        }

        sql.Append(" ON CONFLICT (\"").Append(keyColumn).Append("\") DO NOTHING RETURNING \"").Append(keyColumn).Append('"');
        return sql.ToString();
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
