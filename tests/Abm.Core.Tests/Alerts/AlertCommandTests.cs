using Abm.Core.Alerts;
using Abm.Core.Answers;
using Abm.Core.Scoring;
using Microsoft.EntityFrameworkCore;

namespace Abm.Core.Tests.Alerts;

public class AlertCommandTests
{
    private static readonly Asker InSlack = new("owner-acme", "Dana", "slack") { ConversationId = "C-sales" };

    [Fact]
    public void Parse_SubscribeHotInEmea()
    {
        var command = Assert.IsType<AlertCommand.Subscribe>(AlertCommandParser.Parse("subscribe this channel to hot accounts in EMEA"));

        Assert.Equal((EngagementBand.Hot, "EMEA"), (command.Band!.Value, command.Place));
    }

    [Fact]
    public void Parse_DailyDigestWithZone()
    {
        var command = Assert.IsType<AlertCommand.Subscribe>(AlertCommandParser.Parse("subscribe to tier-A surges, daily at 9:30 Europe/Berlin"));

        Assert.Equal((DeliveryMode.Daily, 570, "Europe/Berlin", FitTier.A, AlertRules.Surge), (command.Mode, command.DigestMinute!.Value, command.TimeZone, command.MinFitTier!.Value, command.Rule));
    }

    [Theory]
    [InlineData("list subscriptions", typeof(AlertCommand.List))]
    [InlineData("unsubscribe 3", typeof(AlertCommand.Unsubscribe))]
    [InlineData("alert stats", typeof(AlertCommand.Stats))]
    public void Parse_OtherCommands(string text, Type expected)
    {
        Assert.IsType(expected, AlertCommandParser.Parse(text));
    }

    [Fact]
    public void Parse_QuestionIsNotACommand()
    {
        Assert.Null(AlertCommandParser.Parse("tell me about Contoso"));
    }

    [Fact]
    public async Task Subscribe_StoresFiltersForTheConversation()
    {
        using var fixture = new AlertFixture();
        fixture.AddAccount("acme", region: "EMEA");
        var handler = new AlertCommandHandler(fixture.Contexts, fixture.Time);

        await handler.HandleAsync(AlertCommandParser.Parse("subscribe this channel to hot accounts in emea")!, InSlack, CancellationToken.None);

        using var db = fixture.Db();
        var stored = db.AlertSubscriptions.Single();
        Assert.Equal(("C-sales", "EMEA", EngagementBand.Hot), (stored.ConversationId, stored.Region, stored.Band!.Value));
    }

    [Fact]
    public async Task Subscribe_UnknownPlaceIsRefused()
    {
        using var fixture = new AlertFixture();
        fixture.AddAccount("acme", region: "EMEA");
        var handler = new AlertCommandHandler(fixture.Contexts, fixture.Time);

        await handler.HandleAsync(AlertCommandParser.Parse("subscribe this channel to hot accounts in Atlantis")!, InSlack, CancellationToken.None);

        using var db = fixture.Db();
        Assert.Empty(db.AlertSubscriptions);
    }

    [Fact]
    public async Task Unsubscribe_RemovesOnlyThisConversations()
    {
        using var fixture = new AlertFixture();
        fixture.AddSubscription(new AlertSubscription { Channel = "slack", ConversationId = "C-sales" });
        fixture.AddSubscription(new AlertSubscription { Channel = "slack", ConversationId = "C-other" });
        var handler = new AlertCommandHandler(fixture.Contexts, fixture.Time);

        await handler.HandleAsync(new AlertCommand.Unsubscribe(null), InSlack, CancellationToken.None);

        using var db = fixture.Db();
        Assert.Equal(["C-other"], db.AlertSubscriptions.Select(s => s.ConversationId).ToList());
    }

    [Fact]
    public async Task Stats_ShareActedOnPerRuleAndChannel()
    {
        using var fixture = new AlertFixture(new AlertRulesOptions { DwellEvaluations = 1, FirstEngagementEnabled = false });
        fixture.AddAccount("acme");
        fixture.AddAccount("beta");
        fixture.AddSubscription(new AlertSubscription { Channel = "slack", ConversationId = "C-sales" });
        await fixture.IngestAsync("acme", "pricing_page_view", 13);
        await fixture.IngestAsync("beta", "pricing_page_view", 13);
        using (var db = fixture.Db())
        {
            await db.AlertOutbox.ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Sent));
            await db.Alerts.Where(a => a.AccountId == "acme").ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AlertStatus.Assigned));
        }

        var reply = Assert.IsType<TextReply>(await new AlertCommandHandler(fixture.Contexts, fixture.Time).HandleAsync(new AlertCommand.Stats(30), InSlack, CancellationToken.None));

        Assert.Contains("band_up in slack: 2 sent, 50% acted on, 0% not relevant", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssignButton_QueuesEditOfSentMessage()
    {
        using var fixture = new AlertFixture(new AlertRulesOptions { DwellEvaluations = 1, FirstEngagementEnabled = false });
        fixture.AddAccount("acme");
        fixture.AddSubscription(new AlertSubscription { Channel = "slack", ConversationId = "C-sales" });
        await fixture.IngestAsync("acme", "pricing_page_view", 13);
        using (var db = fixture.Db())
        {
            await db.AlertOutbox.ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Sent).SetProperty(o => o.SentMessageId, "1.1").SetProperty(o => o.SentConversationId, "C-sales"));
        }

        var assistant = new AlertAwareAssistant(new NoAssistant(), new AlertCommandHandler(fixture.Contexts, fixture.Time), fixture.Contexts, fixture.Time);
        var alert = fixture.Alerts().Single();
        await assistant.ExecuteAsync(AlertVerbs.Assign, AlertVerbs.For(alert)[0].Data, InSlack, CancellationToken.None);

        Assert.Single(fixture.Outbox(), o => o.Kind == OutboxKind.Update);
    }

    [Fact]
    public async Task SnoozeButton_SilencesTheAccount()
    {
        using var fixture = new AlertFixture(new AlertRulesOptions { DwellEvaluations = 1, FirstEngagementEnabled = false, BandCooldown = TimeSpan.Zero });
        fixture.AddAccount("acme");
        await fixture.IngestAsync("acme", "pricing_page_view", 5, prefix: "a");
        var assistant = new AlertAwareAssistant(new NoAssistant(), new AlertCommandHandler(fixture.Contexts, fixture.Time), fixture.Contexts, fixture.Time);
        await assistant.ExecuteAsync(AlertVerbs.Snooze, AlertVerbs.For(fixture.Alerts().Single())[0].Data, InSlack, CancellationToken.None);

        await fixture.IngestAsync("acme", "pricing_page_view", 13, prefix: "b");

        Assert.Single(fixture.Alerts());
    }

    private sealed class NoAssistant : IAssistant
    {
        public Task<Reply> AskAsync(string question, Asker asker, CancellationToken cancellationToken) => Task.FromResult<Reply>(new TextReply("inner"));

        public Task<Reply> ExecuteAsync(string verb, IReadOnlyDictionary<string, string> data, Asker asker, CancellationToken cancellationToken) => Task.FromResult<Reply>(new TextReply("inner"));
    }
}
