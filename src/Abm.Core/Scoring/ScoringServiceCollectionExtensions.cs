using Abm.Core.Scoring;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the scoring core.</summary>
public static class ScoringServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="FitScorer"/>, <see cref="AesModel"/> and <see cref="EngagementScorer"/>
    /// as singletons, and validates <see cref="ScoringOptions"/> at start. The host binds the
    /// options from the <c>Abm:Scoring</c> section; unbound, the documented defaults apply.
    /// </summary>
    public static IServiceCollection AddAbmScoring(this IServiceCollection services)
    {
        services.AddOptions<ScoringOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScoringOptions>, ScoringOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new FitScorer(sp.GetRequiredService<IOptions<ScoringOptions>>().Value));
        services.TryAddSingleton(sp => new AesModel(sp.GetRequiredService<IOptions<ScoringOptions>>().Value));
        services.TryAddSingleton(sp => new EngagementScorer(sp.GetRequiredService<AesModel>()));
        return services;
    }
}
