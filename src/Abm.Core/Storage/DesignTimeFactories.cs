using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Abm.Core.Storage;

// Used by `dotnet ef migrations add`; neither opens a connection, so no server is needed.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAbmDbContext>
{
    public SqliteAbmDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteAbmDbContext>();
        AbmDbContextOptions.ConfigureSqlite(builder, "Data Source=design-time.db");
        return new SqliteAbmDbContext(builder.Options);
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAbmDbContext>
{
    public PostgresAbmDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresAbmDbContext>();
        AbmDbContextOptions.ConfigurePostgres(builder, "Host=localhost;Database=abm_design_time");
        return new PostgresAbmDbContext(builder.Options);
    }
}
