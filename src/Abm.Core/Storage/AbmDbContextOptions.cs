using Microsoft.EntityFrameworkCore;

namespace Abm.Core.Storage;

/// <summary>Builds contexts for each provider, for DI, design-time tools, tests and the CLI alike.</summary>
public static class AbmDbContextOptions
{
    public static void ConfigureSqlite(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString);

    public static void ConfigurePostgres(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString);

    /// <summary>Creates a context for resolved options (see <see cref="StorageOptions.Resolve"/>); the caller disposes it.</summary>
    public static AbmDbContext CreateContext(StorageOptions resolved)
    {
        ArgumentException.ThrowIfNullOrEmpty(resolved.ConnectionString);
        if (resolved.IsPostgres)
        {
            var postgres = new DbContextOptionsBuilder<PostgresAbmDbContext>();
            ConfigurePostgres(postgres, resolved.ConnectionString);
            return new PostgresAbmDbContext(postgres.Options);
        }

        var sqlite = new DbContextOptionsBuilder<SqliteAbmDbContext>();
        ConfigureSqlite(sqlite, resolved.ConnectionString);
        return new SqliteAbmDbContext(sqlite.Options);
    }
}
