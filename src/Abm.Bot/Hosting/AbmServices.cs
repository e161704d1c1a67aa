using Abm.Core.Answers;
using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Abm.Bot.Hosting;

/// <summary>The services the bot host and the command-line subcommands share.</summary>
public static class AbmServices
{
    public static IServiceCollection AddAbm(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAbmClock(configuration);

        // TODO: replace with AddAbmStorage() once the storage registration lands in Abm.Core.
        var connectionString = configuration["Abm:Storage:ConnectionString"] ?? "Data Source=abm.db";
        services.AddDbContext<AbmDbContext>(options => options.UseSqlite(connectionString));

        // TODO: replace with AddAbmScoring() and AddAbmAnswers() once the assistant lands in Abm.Core.
        services.TryAddScoped<IAssistant, EchoAssistant>();

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
