using Abm.Bot.Approvals;
using Abm.Bot.Playbooks;
using Abm.Bot.Slack.Turns;
using Abm.Core.Playbooks;
using Abm.Core.TargetList;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the chat side of approvals and playbooks.</summary>
public static class ApprovalsServiceCollectionExtensions
{
    /// <summary>
    /// Replaces the silent notifiers with ones that send cards in Teams and Slack, adds the
    /// card-action handlers the Teams invoke turn and the Slack turn handler consult, and the playbook reminder job. Call after
    /// <c>AddAbm</c> and <c>AddAbmTeams</c>.
    /// </summary>
    public static IServiceCollection AddAbmApprovalChannels(this IServiceCollection services)
    {
        services.AddSingleton<ApprovalPeople>();
        services.AddSingleton<IApprovalNotifier, ChatApprovalNotifier>();
        services.AddSingleton<IPlaybookNotifier, ChatPlaybookNotifier>();
        services.AddScoped<ITeamsCardActionHandler, TeamsApprovalHandler>();
        services.AddScoped<ITeamsCardActionHandler, TeamsPlaybookHandler>();
        services.AddScoped<ISlackInteractionHandler, SlackApprovalHandler>();
        services.AddScoped<ISlackInteractionHandler, SlackPlaybookHandler>();
        services.AddScoped<ISlackInteractionHandler, SlackProposeHandler>();
        services.AddScoped<ISlackOptionsProvider, SlackStepOwnerOptions>();
        services.AddHostedService<PlaybookReminderJob>();
        return services;
    }
}
