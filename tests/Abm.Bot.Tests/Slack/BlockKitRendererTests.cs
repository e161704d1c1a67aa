using System.Globalization;
using System.Text.Json;
using Abm.Bot.Slack;
using Abm.Bot.Slack.BlockKit;
using Abm.Core.Answers;
using Abm.Core.Domain;
using Abm.Core.Scoring;

namespace Abm.Bot.Tests.Slack;

public class BlockKitRendererTests
{
    internal static JsonElement ToJson(SlackMessage message) =>
        JsonSerializer.SerializeToElement(message, SlackJsonContext.Default.SlackMessage);

    internal static IEnumerable<Reply> EveryReply(string name, int rows = 5)
    {
        var summary = SampleReplies.Summary(name);
        yield return summary;
        yield return new AccountExplanationReply(summary.Account, ExplanationKind.Why, [name + " engaged", "Fit is high"]) { Actions = summary.Actions };
        yield return new AccountExplanationReply(summary.Account, ExplanationKind.TopEvents, []);
        var rowList = Enumerable.Range(0, rows)
            .Select(i => new AccountRow("a" + i, name, 50 + i, EngagementBand.Engaged, 1.5, 70, FitTier.B, FunnelStage.Engaged, name))
            .ToList();
        yield return new TopAccountsReply("AES", "in " + name, rowList);
        var changes = rowList.Select(r => new AccountChange(r.Id, name, 10, 40, EngagementBand.Cold, EngagementBand.Engaged)).ToList();
        yield return new ChangesReply(SampleReplies.Now.AddDays(-7), SampleReplies.Now, changes, changes, changes);
        yield return new FunnelReply(name, [.. Enum.GetValues<FunnelStage>().Select((s, i) => new FunnelStageCount(s, 100 - i, i == 0 ? null : 0.5, 1000m))]);
        yield return new HelpReply([new HelpCommand("tell me about " + name, "Shows " + name)]);
        yield return new AccountNotFoundReply(name, [.. Enumerable.Range(0, rows).Select(i => new AccountMatch("m" + i, name + i, 80))]);
        yield return new TextReply(name + "\n" + name);
    }

    [Fact]
    public void EveryReply_StaysWithinLimits()
    {
        foreach (var reply in EveryReply("Acme & <Sons> *Ltd*"))
        {
            var problems = BlockKitChecker.CheckMessage(ToJson(BlockKitRenderer.Render(reply)));
            Assert.True(problems.Count == 0, reply.GetType().Name + ": " + string.Join("; ", problems));
        }
    }

    [Fact]
    public void EveryReply_WithCorrection_StaysWithinLimits()
    {
        var name = "Acme & <Sons> *Ltd*";
        foreach (var reply in EveryReply(name).Select(r => r with { Correction = new NameCorrection(name + " typo", name) }))
        {
            var message = BlockKitRenderer.Render(reply);

            var problems = BlockKitChecker.CheckMessage(ToJson(message));
            Assert.True(problems.Count == 0, reply.GetType().Name + ": " + string.Join("; ", problems));
            Assert.IsType<ContextBlock>(message.Blocks[0]);
        }
    }

    [Fact]
    public void Summary_EscapesDataInMrkdwn()
    {
        var json = ToJson(BlockKitRenderer.Render(SampleReplies.Summary("A&B <Corp>"))).GetRawText();

        Assert.Contains("A\\u0026amp;B \\u0026lt;Corp\\u0026gt; owner", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_HeaderIsPlainTextUnescaped()
    {
        var message = BlockKitRenderer.Render(SampleReplies.Summary("A&B <Corp>"));

        var header = Assert.IsType<HeaderBlock>(message.Blocks[0]);
        Assert.Equal("A&B <Corp>", header.Text.Text);
    }

    [Fact]
    public void Summary_LeavesOtherMarkupAlone()
    {
        var message = BlockKitRenderer.Render(SampleReplies.Summary("*Bold* _it_ ~s~ `c` :tada: 'q' \"d\""));

        Assert.Contains("*Bold* _it_ ~s~ `c` :tada: 'q' \"d\": AES", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_ButtonsCarryVerbAndData()
    {
        var message = BlockKitRenderer.Render(SampleReplies.Summary("Acme", "acct-77"));

        var buttons = Assert.IsType<ActionsBlock>(message.Blocks[^1]).Elements.OfType<ButtonElement>().ToList();
        var value = JsonSerializer.Deserialize(buttons[0].Value, SlackJsonContext.Default.SlackButtonValue)!;
        Assert.Equal(ReplyVerbs.Why, value.Verb);
        Assert.Equal("acct-77", value.Data[ReplyVerbs.AccountIdKey]);
        Assert.Equal(buttons.Count, buttons.Select(b => b.ActionId).Distinct().Count());
    }

    [Fact]
    public void ManyRows_AreCutWithNote()
    {
        var reply = EveryReply(new string('n', 120), rows: 500).OfType<TopAccountsReply>().Single();

        var message = BlockKitRenderer.Render(reply);

        Assert.True(message.Blocks.Count <= BlockKitLimits.BlocksPerMessage);
        var note = Assert.IsType<ContextBlock>(message.Blocks[^1]);
        Assert.EndsWith("more not shown.", note.Elements[0].Text, StringComparison.Ordinal);
        Assert.Empty(BlockKitChecker.CheckMessage(ToJson(message)));
    }

    [Fact]
    public void ManyActions_AreCappedAt25()
    {
        var actions = Enumerable.Range(0, 40).Select(i => ReplyVerbs.ForAccount(ReplyVerbs.Summary, "Open " + i, "a" + i)).ToList();

        var message = BlockKitRenderer.Render(new TextReply("pick one") { Actions = actions });

        Assert.Equal(BlockKitLimits.ActionsElements, Assert.IsType<ActionsBlock>(message.Blocks[^1]).Elements.Count);
    }

    [Fact]
    public void NotFound_OffersSuggestionButtons()
    {
        var message = BlockKitRenderer.Render(new AccountNotFoundReply("Acme", [new AccountMatch("a1", "Acme Corp", 90)]));

        var button = Assert.IsType<ButtonElement>(Assert.IsType<ActionsBlock>(message.Blocks[^1]).Elements.Single());
        Assert.Equal("Acme Corp", button.Text.Text);
        Assert.Contains(ReplyVerbs.Summary, button.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyText_StillHasTopLevelText()
    {
        var message = BlockKitRenderer.Render(new TextReply(""));

        Assert.False(string.IsNullOrWhiteSpace(message.Text));
    }

    [Fact]
    public void Funnel_ShowsConversionAndValue()
    {
        var reply = new FunnelReply(null, [new FunnelStageCount(FunnelStage.Target, 200, null, null), new FunnelStageCount(FunnelStage.Engaged, 50, 0.25, 1_500_000m)]);

        var section = Assert.IsType<SectionBlock>(BlockKitRenderer.Render(reply).Blocks[1]);

        Assert.Contains("*Engaged*: 50 accounts · 25 % from the stage before · $1.5M", section.Text!.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a&b", "a&amp;b")]
    [InlineData("<@U123>", "&lt;@U123&gt;")]
    [InlineData("<!here>", "&lt;!here&gt;")]
    [InlineData("&amp;", "&amp;amp;")]
    [InlineData("*x* _y_", "*x* _y_")]
    public void Escape_EncodesOnlyControlCharacters(string raw, string expected)
    {
        Assert.Equal(expected, SlackText.Escape(raw));
    }

    [Fact]
    public void Unescape_ReversesEscape()
    {
        Assert.Equal("<a & b>", SlackText.Unescape(SlackText.Escape("<a & b>")));
    }

    [Theory]
    [InlineData("👨‍👩‍👧‍👦👨‍👩‍👧‍👦", 12, "👨‍👩‍👧‍👦…")]
    [InlineData("🇩🇪🇫🇷🇮🇹", 6, "🇩🇪…")]
    [InlineData("e\u0301e\u0301e\u0301", 5, "e\u0301e\u0301…")]
    [InlineData("a&amp;b", 6, "a…")]
    [InlineData("ab&lt;", 6, "ab&lt;")]
    [InlineData("abcdef", 3, "ab…")]
    public void Shorten_CutsOnGraphemeAndEntityBoundaries(string text, int max, string expected)
    {
        Assert.Equal(expected, SlackText.Shorten(text, max));
    }

    [Fact]
    public void Shorten_NeverExceedsMax()
    {
        var text = string.Concat(Enumerable.Repeat("👨‍👩‍👧‍👦&amp;", 50));
        for (var max = 1; max < 60; max++)
        {
            Assert.True(SlackText.Shorten(text, max).Length <= max, max.ToString(CultureInfo.InvariantCulture));
        }
    }
}
