namespace Abm.Bot.Tests.Teams.Fakes;

/// <summary>One fake Bot Framework and one authenticated bot host shared by a test class.</summary>
public sealed class TeamsFixture : IAsyncLifetime
{
    public TestKeys Keys { get; } = new();

    public FakeBotFramework Fake { get; private set; } = null!;

    public BotTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Fake = await FakeBotFramework.StartAsync(Keys);
        Host = await BotTestHost.StartAsync(Fake);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Fake.DisposeAsync();
        Keys.Dispose();
    }
}
