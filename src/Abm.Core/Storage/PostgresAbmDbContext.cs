using Microsoft.EntityFrameworkCore;

namespace Abm.Core.Storage;

/// <summary>The PostgreSQL variant of <see cref="AbmDbContext"/>; its migrations live in <c>Storage/Migrations/Postgres</c>.</summary>
public sealed class PostgresAbmDbContext(DbContextOptions<PostgresAbmDbContext> options) : AbmDbContext(options);
