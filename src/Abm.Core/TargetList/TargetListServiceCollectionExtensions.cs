using Abm.Core.Answers;
using Abm.Core.Playbooks;
using Abm.Core.TargetList;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Target Account List workflow and playbooks.</summary>
public static class TargetListServiceCollectionExtensions
{
    /// <summary>
    /// Registers proposals, evidence, decisions and playbooks as singletons and wraps the registered
    /// <see cref="IAssistant"/> in <see cref="WorkflowAssistant"/>, keeping its lifetime. Call it
    /// after the assistant is registered. The host binds <see cref="TargetListOptions"/>
    /// (<c>Abm:TargetList</c>) and <see cref="PlaybookOptions"/> (<c>Abm:Playbooks</c>); channels replace
    /// <see cref="IApprovalNotifier"/> and <see cref="IPlaybookNotifier"/>.
    /// </summary>
    public static IServiceCollection AddAbmTargetList(this IServiceCollection services)
    {
        services.AddOptions<TargetListOptions>().Validate(o => o.Validate().Count == 0, "Abm:TargetList is invalid").ValidateOnStart();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<TargetListOptions>>().Value);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IApprovalNotifier, NoApprovalNotifier>();
        services.TryAddSingleton<EvidenceBuilder>();
        services.TryAddSingleton<TargetListService>();
        services.TryAddSingleton<TargetListCommands>();

        services.AddOptions<PlaybookOptions>().Validate(o => o.Validate().Count == 0, "Abm:Playbooks is invalid").ValidateOnStart();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<PlaybookOptions>>().Value);
        services.TryAddSingleton<IPlaybookNotifier, NoPlaybookNotifier>();
        services.TryAddSingleton(sp => new PlaybookCatalog(sp.GetRequiredService<PlaybookOptions>()));
        services.TryAddSingleton<PlaybookService>();
        services.TryAddSingleton<PlaybookReminders>();
        services.TryAddSingleton<PlaybookCommands>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEngagementEventsObserver, PlaybookEvidenceObserver>());
        DecorateAssistant(services);
        return services;
    }

    private static void DecorateAssistant(IServiceCollection services)
    {
        var existing = services.LastOrDefault(d => d.ServiceType == typeof(IAssistant));
        if (existing is null || existing.ImplementationType == typeof(WorkflowAssistant))
        {
            return;
        }

        services.Remove(existing);
        services.Add(new ServiceDescriptor(
            typeof(IAssistant),
            sp => new WorkflowAssistant(CreateInner(sp, existing), sp.GetRequiredService<TargetListCommands>(), sp.GetRequiredService<PlaybookCommands>()),
            existing.Lifetime));
    }

    private static IAssistant CreateInner(IServiceProvider provider, ServiceDescriptor descriptor) => descriptor switch
    {
        { ImplementationInstance: IAssistant instance } => instance,
        { ImplementationFactory: { } factory } => (IAssistant)factory(provider),
        { ImplementationType: { } type } => (IAssistant)ActivatorUtilities.CreateInstance(provider, type),
        _ => throw new InvalidOperationException("The registered IAssistant has no implementation to wrap."),
    };
}
