using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Abm.Core.Tests.Storage;

/// <summary>A model change without a migration for each provider fails here, not on a user's first start.</summary>
public class MigrationTests
{
    [Fact]
    public void SqliteMigrations_MatchModel()
    {
        using var db = AbmDbContextOptions.CreateContext(new StorageOptions().Resolve(Path.GetTempPath()));

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void PostgresMigrations_MatchModel()
    {
        using var db = AbmDbContextOptions.CreateContext(new StorageOptions { Provider = "postgres", ConnectionString = "Host=127.0.0.1;Database=abm" }.Resolve("/"));

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void SqliteAndPostgres_HaveSameMigrations()
    {
        using var sqlite = AbmDbContextOptions.CreateContext(new StorageOptions().Resolve(Path.GetTempPath()));
        using var postgres = AbmDbContextOptions.CreateContext(new StorageOptions { Provider = "postgres", ConnectionString = "Host=127.0.0.1;Database=abm" }.Resolve("/"));

        var sqliteNames = sqlite.Database.GetMigrations().Select(m => m[15..]).ToList();
        var postgresNames = postgres.Database.GetMigrations().Select(m => m[15..]).ToList();

        Assert.Equal(sqliteNames, postgresNames);
    }
}
