using Abm.Core.Alerts;
using Abm.Core.Ingestion;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the alert rules, the evaluator, ingestion and API keys.</summary>
public static class AlertsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the alerting core as singletons. The host binds <see cref="AlertRulesOptions"/>
    /// (<c>Abm:Alerts:Rules</c>) and <see cref="IngestionOptions"/> (<c>Abm:Ingestion</c>); unbound,
    /// the documented defaults apply. Invalid options fail at start with the key, value and fix.
    /// Needs <c>AddAbmStorage</c> and <c>AddAbmScoring</c>.
    /// </summary>
    public static IServiceCollection AddAbmAlerts(this IServiceCollection services)
    {
        services.AddOptions<AlertRulesOptions>().ValidateOnStart();
        services.AddOptions<IngestionOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AlertRulesOptions>, ListValidator<AlertRulesOptions>>(_ => new ListValidator<AlertRulesOptions>(o => o.Validate())));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IngestionOptions>, ListValidator<IngestionOptions>>(_ => new ListValidator<IngestionOptions>(o => o.Validate())));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<AlertRulesOptions>>().Value);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<IngestionOptions>>().Value);
        services.TryAddSingleton<AlertRuleEngine>();
        services.TryAddSingleton<OutboxPlanner>();
        services.TryAddSingleton<AlertEvaluator>();
        services.TryAddSingleton<AlertReevaluator>();
        services.TryAddSingleton<EventIngestor>();
        services.TryAddSingleton<ApiKeyStore>();
        services.TryAddSingleton<AlertCommandHandler>();
        return services;
    }

    private sealed class ListValidator<T>(Func<T, IReadOnlyList<string>> validate) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var errors = validate(options);
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
