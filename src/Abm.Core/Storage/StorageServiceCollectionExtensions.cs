using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Core.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Abm database for the configured provider: a scoped <see cref="AbmDbContext"/>,
    /// a singleton <see cref="IDbContextFactory{AbmDbContext}"/> for background work, the
    /// resolved <see cref="StorageOptions"/> and the <see cref="DatabaseInitializer"/> the host
    /// calls at start.
    /// </summary>
    /// <remarks>
    /// Contexts come from a pool: every chat turn opens a scope, and a new context per turn cost
    /// an options comparison and a service lookup under a lock, which showed up in load profiles.
    /// A pooled context is reset when it returns, so it must keep no state of its own.
    /// </remarks>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid; the message names the key and the fix.</exception>
    public static IServiceCollection AddAbmStorage(this IServiceCollection services, StorageOptions options)
    {
        var resolved = options.Resolve(Directory.GetCurrentDirectory());
        services.AddSingleton(resolved);

        if (resolved.IsSqlite)
        {
            services.AddPooledDbContextFactory<SqliteAbmDbContext>(builder => AbmDbContextOptions.ConfigureSqlite(builder, resolved.ConnectionString!));
            services.AddSingleton<IDbContextFactory<AbmDbContext>, AbmDbContextFactory<SqliteAbmDbContext>>();
        }
        else
        {
            services.AddPooledDbContextFactory<PostgresAbmDbContext>(builder => AbmDbContextOptions.ConfigurePostgres(builder, resolved.ConnectionString!));
            services.AddSingleton<IDbContextFactory<AbmDbContext>, AbmDbContextFactory<PostgresAbmDbContext>>();
        }

        services.AddScoped<AbmDbContext>(provider => provider.GetRequiredService<IDbContextFactory<AbmDbContext>>().CreateDbContext());
        services.AddSingleton<DatabaseInitializer>();
        return services;
    }
}

/// <summary>Hands out the provider's context as an <see cref="AbmDbContext"/>.</summary>
internal sealed class AbmDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<AbmDbContext>
    where TContext : AbmDbContext
{
    public AbmDbContext CreateDbContext() => inner.CreateDbContext();
}
