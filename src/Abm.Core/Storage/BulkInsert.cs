using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Abm.Core.Storage;

/// <summary>
/// Inserts many rows with multi-row <c>INSERT … VALUES</c> statements, skipping the change
/// tracker. Table names, column names and value conversions come from the EF model, and the
/// SQL uses only double-quoted identifiers and parameters, so it runs on SQLite and PostgreSQL.
/// Store-generated keys (such as event ids) are left to the database and not read back.
/// Inserting portfolio rows increments the portfolio data version (<see cref="PortfolioVersion"/>).
/// </summary>
internal static class BulkInsert
{
    /// <summary>Rows per statement; 100 rows of about 10 columns stay far below both providers' parameter limits.</summary>
    private const int RowsPerStatement = 100;

    public static async Task<int> InsertAsync<T>(AbmDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var properties = entityType.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd))
            .Select(p => (Property: p, Column: p.GetColumnName(table)!, Converter: p.GetTypeMapping().Converter))
            .ToList();

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            foreach (var chunk in rows.Chunk(RowsPerStatement))
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = Sql(table, properties.Select(p => p.Column).ToList(), chunk.Length);
                var index = 0;
                foreach (var row in chunk)
                {
                    foreach (var (property, _, converter) in properties)
                    {
                        var value = property.PropertyInfo!.GetValue(row);
                        if (value is not null && converter is not null)
                        {
                            value = converter.ConvertToProvider(value);
                        }

                        AddParameter(command, $"@p{index++}", value);
                    }
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        if (PortfolioVersion.IsPortfolioType(typeof(T)))
        {
            await PortfolioVersion.BumpAsync(db, cancellationToken);
        }

        return rows.Count;
    }

    private static string Sql(StoreObjectIdentifier table, List<string> columns, int rowCount)
    {
        var sql = new StringBuilder();
        sql.Append("INSERT INTO \"").Append(table.Name).Append("\" (");
        sql.AppendJoin(", ", columns.Select(c => $"\"{c}\"")).Append(") VALUES ");
        var index = 0;
        for (var row = 0; row < rowCount; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < columns.Count; column++)
            {
                sql.Append(column == 0 ? "" : ", ").Append("@p").Append(index++);
            }

            sql.Append(')');
        }

        return sql.ToString();
    }

    private static void AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
