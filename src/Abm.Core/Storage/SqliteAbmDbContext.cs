using Microsoft.EntityFrameworkCore;

namespace Abm.Core.Storage;

/// <summary>The SQLite variant of <see cref="AbmDbContext"/>; its migrations live in <c>Storage/Migrations/Sqlite</c>.</summary>
public sealed class SqliteAbmDbContext(DbContextOptions<SqliteAbmDbContext> options) : AbmDbContext(options);
