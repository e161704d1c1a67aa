using Microsoft.Extensions.Configuration.Memory;

namespace Abm.Bot.Hosting;

/// <summary>Default log levels, added below every other configuration source so settings and the environment override them.</summary>
internal static class LoggingDefaults
{
    /// <summary>Keeps EF Core's per-command SQL, HTTP client chatter and retry noise out of the Information log.</summary>
    /// <param name="defaultLevel">The level of every other category: Information for the host, Warning for subcommands, whose output is their own.</param>
    public static void AddTo(IConfigurationBuilder configuration, string defaultLevel = "Information")
    {
        var defaults = new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = defaultLevel,
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
                ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
                ["Logging:LogLevel:Polly"] = "Warning",
            },
        };

        InsertFirst(configuration, defaults);
    }

    /// <summary>
    /// Keeps the generic host's own error log of a startup failure (event 11, "Hosting failed to
    /// start", with the stack trace) off the console. Only <c>abm serve</c> adds this, because it
    /// prints every startup failure itself: a configuration error as one line, anything else with
    /// its stack trace. Critical host events, such as a background service stopping the host, still show.
    /// </summary>
    public static void DropHostStartupErrors(IConfigurationBuilder configuration)
    {
        InsertFirst(configuration, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.Extensions.Hosting.Internal.Host"] = "Critical" },
        });
    }

    private static void InsertFirst(IConfigurationBuilder configuration, MemoryConfigurationSource defaults)
    {
        if (configuration is IConfigurationManager manager)
        {
            manager.Sources.Insert(0, defaults);
        }
        else
        {
            configuration.Sources.Insert(0, defaults);
        }
    }
}
