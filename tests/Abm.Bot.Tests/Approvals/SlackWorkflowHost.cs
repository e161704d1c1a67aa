using Abm.Bot.Tests.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Bot.Tests.Approvals;

/// <summary>Starts the Slack test host with approvals and playbooks wired as the bot host wires them.</summary>
internal static class SlackWorkflowHost
{
    public static Task<SlackTestHost> StartAsync(FakeSlackApi api, TimeProvider? clock = null) =>
        SlackTestHost.StartAsync(api, new FakeAssistant(), clock, configureServices: services =>
        {
            services.AddAbmAnswers();
            services.AddAbmTargetList();
            services.AddAbmApprovalChannels();
        });
}
