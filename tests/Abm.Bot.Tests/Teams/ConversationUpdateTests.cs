using System.Net;
using System.Text.Json.Nodes;
using Abm.Bot.Teams;
using Abm.Bot.Tests.Teams.Fakes;
using Abm.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Bot.Tests.Teams;

public sealed class ConversationUpdateTests : IAsyncLifetime
{
    private readonly TestKeys _keys = new();
    private FakeBotFramework _fake = null!;
    private BotTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeBotFramework.StartAsync(_keys);
        _host = await BotTestHost.StartAsync(_fake);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _fake.DisposeAsync();
        _keys.Dispose();
    }

    private async Task<Core.Domain.ConversationReference?> FindReferenceAsync(string conversationId)
    {
        using var scope = _host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AbmDbContext>().ConversationReferences.FindAsync("msteams", conversationId);
    }

    [Fact]
    public async Task BotAddedToTeam_StoresReferenceAndWelcomes()
    {
        var activity = FakeBotFramework.LoadActivity(SpecFiles.Path("teams", "activities", "conversationUpdate-membersAdded-bot-added-to-team.docs-example.json"));

        using var response = await _host.PostSampleAsync(activity);
        var welcome = await _fake.NextRequestAsync();
        var reference = await FindReferenceAsync("19:efa9296d959346209fea44151c742e73@thread.skype");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("POST", welcome.Method);
        Assert.Equal("/connector/v3/conversations/19%3Aefa9296d959346209fea44151c742e73%40thread.skype/activities", welcome.Path);
        Assert.Equal(ConversationUpdateTurn.WelcomeText, welcome.Body!["text"]!.GetValue<string>());
        Assert.NotNull(reference);
        Assert.True(reference.IsActive);
        Assert.Equal("channel", reference.ConversationType);
        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", reference.TenantId);
        Assert.Equal("19:efa9296d959346209fea44151c742e73@thread.skype", reference.TeamId);
        Assert.Equal("28:f5d48856-5b42-41a0-8c3a-c5f944b679b0", reference.BotId);
    }

    [Fact]
    public async Task BotAddedToPersonalChat_StoresUser()
    {
        var activity = FakeBotFramework.LoadActivity(SpecFiles.Path("teams-playground", "activities", "conversationUpdate-membersAdded-personal.playground.json"));

        await _host.PostSampleAsync(activity);
        await _fake.NextRequestAsync();
        var reference = await FindReferenceAsync("ca867ea3-7685-4b44-8d2c-a8df7ac77bfc");

        Assert.NotNull(reference);
        Assert.Equal("user-id-0", reference.UserId);
        Assert.Equal(_fake.ServiceUrl, reference.ServiceUrl);
    }

    [Fact]
    public async Task UserAdded_StoresReferenceWithoutWelcome()
    {
        var activity = FakeBotFramework.LoadActivity(SpecFiles.Path("teams", "activities", "conversationUpdate-membersAdded-user-in-team.recorded.json"));

        using var response = await _host.PostSampleAsync(activity);
        var stored = await WaitForReferenceAsync("19:097e6717fd7245bdbeba6baa13840db8@thread.skype");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(stored);
        Assert.False(_fake.TryTakeRequest(out _));
    }

    [Fact]
    public async Task Uninstall_MarksReferenceInactive()
    {
        var install = FakeBotFramework.LoadActivity(SpecFiles.Path("teams-playground", "activities", "installationUpdate-add-groupChat.playground.json"));
        await _host.PostSampleAsync(install);
        await WaitForReferenceAsync("2995550c-ef7e-43fa-b1d7-992e8eb65af9");

        var uninstall = FakeBotFramework.LoadActivity(SpecFiles.Path("teams-playground", "activities", "installationUpdate-add-groupChat.playground.json"));
        uninstall["action"] = "remove";
        uninstall["id"] = "remove-1";
        await _host.PostSampleAsync(uninstall);
        var inactive = await WaitForAsync(async () => await FindReferenceAsync("2995550c-ef7e-43fa-b1d7-992e8eb65af9") is { IsActive: false });

        Assert.True(inactive);
    }

    private async Task<Core.Domain.ConversationReference?> WaitForReferenceAsync(string conversationId)
    {
        await WaitForAsync(async () => await FindReferenceAsync(conversationId) is not null);
        return await FindReferenceAsync(conversationId);
    }

    /// <summary>Polls a condition that background work makes true, up to a generous limit.</summary>
    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }
}
