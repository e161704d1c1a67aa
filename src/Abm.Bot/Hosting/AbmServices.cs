using Abm.Core.Playbooks;
using Abm.Core.Scoring;
using Abm.Core.Storage;
using Abm.Core.TargetList;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Abm.Bot.Hosting;

/// <summary>The services the bot host and the command-line subcommands share.</summary>
public static class AbmServices
{
    public static IServiceCollection AddAbm(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAbmClock(configuration);

        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        services.AddAbmStorage(storage);

        services.Configure<ScoringOptions>(configuration.GetSection(ScoringOptions.SectionName));
        services.AddAbmAnswers();

        services.AddOptions<DemoOptions>()
            .Bind(configuration.GetSection(DemoOptions.SectionName))
            .PostConfigure(options => options.SeedOnEmpty ??= storage.IsSqlite);

        services.Configure<TargetListOptions>(configuration.GetSection(TargetListOptions.SectionName));
        services.Configure<PlaybookOptions>(configuration.GetSection(PlaybookOptions.SectionName));
        services.AddAbmTargetList();

        services.AddHostedService<DatabaseStartup>();
        return services;
    }

    /// <summary>Registers <see cref="TimeProvider"/>: the system clock, or a frozen one when <c>Abm:Clock:AsOf</c> is set.</summary>
    public static IServiceCollection AddAbmClock(this IServiceCollection services, IConfiguration configuration)
    {
        var clock = configuration.GetSection(ClockOptions.SectionName).Get<ClockOptions>() ?? new ClockOptions();
        services.Configure<ClockOptions>(configuration.GetSection(ClockOptions.SectionName));
        services.TryAddSingleton(clock.AsOf is { } asOf ? new FrozenTimeProvider(asOf) : TimeProvider.System);
        return services;
    }
}

/// <summary>Demo data settings, bound from <c>Abm:Demo</c>.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Abm:Demo";

    /// <summary>
    /// Seeds the generated demo data set at start when the database has no accounts.
    /// Default: true on the embedded SQLite database, false on PostgreSQL.
    /// </summary>
    public bool? SeedOnEmpty { get; set; }
}
