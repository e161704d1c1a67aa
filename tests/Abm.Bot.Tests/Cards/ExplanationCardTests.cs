using Abm.Bot.Cards;
using Abm.Core.Answers;
using static Abm.Bot.Tests.Cards.CardJsonQuery;

namespace Abm.Bot.Tests.Cards;

public class ExplanationCardTests
{
    [Fact]
    public void WhyCard_TitleNamesBand()
    {
        var card = ToJson(AdaptiveCardRenderer.Render(ReplyFixtures.Explanation(ExplanationKind.Why)));

        Assert.Equal("Why Contoso Ltd is hot", TextOf(ById(card, "title")));
    }

    [Fact]
    public void TopEventsCard_TitleNamesAccount()
    {
        var card = ToJson(AdaptiveCardRenderer.Render(ReplyFixtures.Explanation(ExplanationKind.TopEvents)));

        Assert.Equal("Top events for Contoso Ltd", TextOf(ById(card, "title")));
    }

    [Fact]
    public void TopEventsCard_ListsEventsOnce()
    {
        var card = AdaptiveCardRenderer.Render(ReplyFixtures.Explanation(ExplanationKind.TopEvents));

        var texts = card.Body.OfType<RichTextBlock>().Select(block => string.Concat(block.Inlines.Select(run => run.Text))).ToList();
        Assert.DoesNotContain(texts, text => text.StartsWith("• ", StringComparison.Ordinal));
    }

    [Fact]
    public void WhyCard_ListsReasonsInOrder()
    {
        var reply = ReplyFixtures.Explanation(ExplanationKind.Why);

        var card = AdaptiveCardRenderer.Render(reply);

        var texts = card.Body.OfType<RichTextBlock>().Select(block => string.Concat(block.Inlines.Select(run => run.Text))).ToList();
        var reasons = texts.Where(text => text.StartsWith("• ", StringComparison.Ordinal)).Select(text => text[2..]);
        Assert.Equal(reply.Reasons, reasons);
    }

    [Fact]
    public void WhyCard_ShowsEveryFunction()
    {
        var card = AdaptiveCardRenderer.Render(ReplyFixtures.Explanation(ExplanationKind.Why));

        var table = card.Body.OfType<Table>().Single(candidate => candidate.Id == "byFunction");
        Assert.Equal(
            [["Marketing", "96.5"], ["Sales development", "40"], ["Sales", "47.8"], ["Customer success", "0"]],
            BodyRows(table));
    }

    [Fact]
    public void TopEvents_ShowDecayedPointsAndDates()
    {
        var card = AdaptiveCardRenderer.Render(ReplyFixtures.Explanation(ExplanationKind.TopEvents));

        var table = card.Body.OfType<Table>().Single(candidate => candidate.Id == "topEvents");
        Assert.Equal(
            [
                ["2 Dec 2026", "meetingDemo with the CFO", "Sales", "Jane Doe", "30"],
                ["1 Dec 2026", "web.pricing", "Marketing", "—", "12.5"],
                ["25 Nov 2026", "email.replyJane Doe", "Sales development", "Jane Doe", "4.3"],
            ],
            BodyRows(table));
    }

    [Fact]
    public void WhyCard_CapsTopEvents()
    {
        var reply = ReplyFixtures.Explanation(ExplanationKind.Why);
        var many = reply.Account.Engagement with
        {
            TopEvents = [.. Enumerable.Range(1, 9).Select(i => reply.Account.Engagement.TopEvents[0] with { EventId = i })],
        };

        var card = AdaptiveCardRenderer.Render(reply with { Account = reply.Account with { Engagement = many } });

        var table = card.Body.OfType<Table>().Single(candidate => candidate.Id == "topEvents");
        Assert.Equal(AdaptiveCardRenderer.WhyTopEvents + 1, table.Rows.Count);
    }

    [Fact]
    public void WhyCard_ShowsFitContributions()
    {
        var card = AdaptiveCardRenderer.Render(ReplyFixtures.Explanation(ExplanationKind.Why));

        var table = card.Body.OfType<Table>().Single(candidate => candidate.Id == "fitContributions");
        Assert.Equal(
            [
                ["industry", "20 / 20", "Software is a target industry"],
                ["employees", "12.5 / 15", "1,200 employees is inside the 500–5,000 band"],
                ["region", "0 / 10", "APAC is outside the target regions"],
            ],
            BodyRows(table));
    }

    [Fact]
    public void EmptyExplanation_SaysSo()
    {
        var card = ToJson(AdaptiveCardRenderer.Render(ReplyFixtures.Explanation(ExplanationKind.Why, empty: true)));

        var texts = MarkdownStrings(card).ToList();
        Assert.Contains("No reasons recorded.", texts);
        Assert.Contains("No events count towards the AES.", texts);
        Assert.Contains("No fit criteria are configured.", texts);
    }

    [Fact]
    public void ExplanationCard_CarriesReplyActions()
    {
        var card = ToJson(AdaptiveCardRenderer.Render(ReplyFixtures.Explanation(ExplanationKind.Why)));

        var action = Assert.Single(ExecuteActions(card));
        Assert.Equal(ReplyVerbs.Summary, action["verb"]!.GetValue<string>());
    }
}
