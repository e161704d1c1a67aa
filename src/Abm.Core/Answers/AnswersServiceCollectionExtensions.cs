using Abm.Core.Answers;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the deterministic assistant.</summary>
public static class AnswersServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IAssistant"/> (<see cref="Assistant"/>), <see cref="AccountRepository"/>,
    /// <see cref="AccountAnalyzer"/> and <see cref="PortfolioCache"/> as singletons, plus the scoring core. Needs the database
    /// (<c>AddAbmStorage</c>) and logging; answers are as of <see cref="TimeProvider"/>, so a host
    /// serving a historical data set registers a fixed clock before calling this.
    /// </summary>
    public static IServiceCollection AddAbmAnswers(this IServiceCollection services)
    {
        services.AddAbmScoring();
        services.TryAddSingleton<AccountRepository>();
        services.TryAddSingleton<AccountAnalyzer>();
        services.TryAddSingleton<PortfolioCache>();
        services.TryAddSingleton<Assistant>();
        services.TryAddSingleton<IAssistant>(sp => sp.GetRequiredService<Assistant>());
        return services;
    }
}
