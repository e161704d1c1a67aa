using Abm.Bot.Cards;
using Abm.Core.Answers;
using static Abm.Bot.Tests.Cards.CardJsonQuery;

namespace Abm.Bot.Tests.Cards;

public class MessageCardTests
{
    [Fact]
    public void Help_ListsEveryCommand()
    {
        var card = AdaptiveCardRenderer.Render(ReplyFixtures.Help());

        var facts = card.Body.OfType<FactSet>().Single().Facts;
        Assert.Equal(
            [@"tell me about \<account\>", @"why is \<account\> hot", "top 10 accounts by fit in EMEA"],
            facts.Select(fact => fact.Title));
    }

    [Fact]
    public void NotFound_OffersButtonPerSuggestion()
    {
        var card = ToJson(AdaptiveCardRenderer.Render(ReplyFixtures.NotFound()));

        var actions = ExecuteActions(card).ToList();
        Assert.Equal(["Contoso Ltd", "Contoso Ltd 2"], actions.Select(action => action["title"]!.GetValue<string>()));
        Assert.All(actions, action => Assert.Equal(ReplyVerbs.Summary, action["verb"]!.GetValue<string>()));
        Assert.Equal(["acc-1", "acc-2"], actions.Select(action => action["data"]![ReplyVerbs.AccountIdKey]!.GetValue<string>()));
    }

    [Fact]
    public void NotFound_QuotesQuery()
    {
        var card = ToJson(AdaptiveCardRenderer.Render(ReplyFixtures.NotFound()));

        Assert.Equal("No account matches “Contso”.", TextOf(ById(card, "message")));
    }

    [Fact]
    public void NotFound_CapsSuggestions()
    {
        var card = ToJson(AdaptiveCardRenderer.Render(ReplyFixtures.NotFound(suggestions: 12)));

        Assert.Equal(AdaptiveCardRenderer.MaxSuggestions, ExecuteActions(card).Count());
    }

    [Fact]
    public void NotFound_WithoutSuggestionsHasNoButtons()
    {
        var card = ToJson(AdaptiveCardRenderer.Render(ReplyFixtures.NotFound(suggestions: 0)));

        Assert.Empty(ExecuteActions(card));
    }

    [Fact]
    public void Text_KeepsLinesApart()
    {
        var card = AdaptiveCardRenderer.Render(ReplyFixtures.Text("First line\n\nSecond *line*\r\nThird"));

        var lines = card.Body.OfType<RichTextBlock>().Select(block => block.Inlines.Single().Text);
        Assert.Equal(["First line", "Second *line*", "Third"], lines);
    }

    [Fact]
    public void Text_FallbackIsTheText()
    {
        var card = AdaptiveCardRenderer.Render(ReplyFixtures.Text());

        Assert.Equal(ReplyFixtures.Text().Text, card.FallbackText);
    }

    [Fact]
    public void LongText_FallbackIsCut()
    {
        var card = AdaptiveCardRenderer.Render(ReplyFixtures.Text(new string('x', 20_000)));

        Assert.Equal(CardBlocks.MaxFallbackTextLength, card.FallbackText!.Length);
        Assert.EndsWith("…", card.FallbackText, StringComparison.Ordinal);
    }
}
