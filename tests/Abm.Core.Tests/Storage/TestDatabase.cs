using Abm.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Abm.Core.Tests.Storage;

/// <summary>A migrated SQLite database in memory that lives as long as this object; each context shares its connection.</summary>
public sealed class TestDatabase : IDbContextFactory<AbmDbContext>, IDisposable
{
    private readonly SqliteConnection _connection;

    public TestDatabase()
    {
        _connection = new SqliteConnection("Data Source=:memory:");
        _connection.Open();
        using var db = CreateContext();
        db.Database.Migrate();
    }

    public AbmDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<SqliteAbmDbContext>().UseSqlite(_connection).Options;
        return new SqliteAbmDbContext(options);
    }

    AbmDbContext IDbContextFactory<AbmDbContext>.CreateDbContext() => CreateContext();

    public void Dispose() => _connection.Dispose();
}
