namespace Abm.Bot.Tests.Slack;

/// <summary>Starts a fresh fake Slack API and Slack host for each test, and stops both afterwards.</summary>
public abstract class SlackHostTest : IAsyncLifetime
{
    internal FakeAssistant Assistant { get; } = new();

    internal FakeSlackApi Api { get; private set; } = null!;

    internal SlackTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api = await FakeSlackApi.StartAsync();
        Host = await SlackTestHost.StartAsync(Api, Assistant);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Api.DisposeAsync();
    }
}
