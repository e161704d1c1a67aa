using Abm.Bot.Cards;
using Abm.Core.Answers;
using Abm.Core.TargetList;
using static Abm.Bot.Tests.Cards.CardJsonQuery;

namespace Abm.Bot.Tests.Cards;

public class SummaryCardTests
{
    private static readonly AccountSummaryReply Reply = ReplyFixtures.Summary();

    [Theory]
    [InlineData("accountName", "Contoso Ltd")]
    [InlineData("aesValue", "72.4")]
    [InlineData("aesBand", "Hot · +5.1 in 7 days")]
    [InlineData("fitValue", "85")]
    [InlineData("fitTier", "Tier A")]
    [InlineData("stage", "Sales Qualified Lead")]
    [InlineData("openPipeline", "$1.2M")]
    [InlineData("firmographics", "contoso.example · Software · 1,200 employees · $50M revenue · EMEA, Germany")]
    public void SummaryCard_ShowsExactValue(string id, string expected)
    {
        var card = ToJson(AdaptiveCardRenderer.Render(Reply));

        Assert.Equal(expected, TextOf(ById(card, id)));
    }

    [Fact]
    public void SummaryCard_Correction_LeadsCard()
    {
        var corrected = Reply with { Correction = new NameCorrection("Contso **Ltd**", "Contoso Ltd") };

        var card = ToJson(AdaptiveCardRenderer.Render(corrected));

        Assert.Equal("correction", card["body"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("Showing Contoso Ltd (closest match to \"Contso **Ltd**\").", TextOf(ById(card, "correction")));
    }

    [Fact]
    public void SummaryCard_Correction_Validates()
    {
        var corrected = Reply with { Correction = new NameCorrection("Contso", "Contoso Ltd") };

        Assert.Empty(CardSchema.Validate(AdaptiveCardRenderer.Render(corrected)));
    }

    [Fact]
    public void SummaryCard_NoCorrection_NoLine()
    {
        var card = ToJson(AdaptiveCardRenderer.Render(Reply));

        Assert.DoesNotContain(Objects(card), element => element["id"]?.GetValue<string>() == "correction");
    }

    [Theory]
    [InlineData("Owner", "Megan Bowen")]
    [InlineData("Target account", "Yes")]
    [InlineData("Open opportunities", "3")]
    [InlineData("Closed won", "$310.5K")]
    [InlineData("Buying group", "4 engaged contacts, 3 buying roles")]
    [InlineData("Last activity", "2 Dec 2026")]
    public void SummaryCard_ShowsFact(string title, string expected)
    {
        var card = ToJson(AdaptiveCardRenderer.Render(Reply));

        var facts = ById(card, "facts")["facts"]!.AsArray();
        var fact = facts.Single(candidate => candidate!["title"]!.GetValue<string>() == title);
        Assert.Equal(expected, fact!["value"]!.GetValue<string>());
    }

    [Fact]
    public void SummaryCard_AesColourFollowsBand()
    {
        var card = ToJson(AdaptiveCardRenderer.Render(Reply));

        Assert.Equal("attention", ById(card, "aesValue")["color"]!.GetValue<string>());
    }

    [Fact]
    public void SummaryCard_ListsLatestTouches()
    {
        var card = AdaptiveCardRenderer.Render(Reply);

        var table = Assert.Single(card.Body.OfType<Table>());
        Assert.Equal(3, table.Rows.Count);
    }

    [Fact]
    public void SummaryCard_ButtonsCarryVerbAndData()
    {
        var card = ToJson(AdaptiveCardRenderer.Render(Reply));

        var actions = ExecuteActions(card).ToList();
        Assert.Equal([ReplyVerbs.Why, ReplyVerbs.TopEvents, WorkflowVerbs.Propose, WorkflowVerbs.ChoosePlaybook], actions.Select(action => action["verb"]!.GetValue<string>()));
        Assert.Equal(["Why?", "Top events", "Send proposal", "Start a playbook"], actions.Select(action => action["title"]!.GetValue<string>()));
        Assert.All(actions, action => Assert.Equal("acc-1", action["data"]![ReplyVerbs.AccountIdKey]!.GetValue<string>()));
    }

    [Fact]
    public void SummaryCard_ProposeAsksForReason()
    {
        var card = AdaptiveCardRenderer.Render(Reply);

        var propose = Assert.IsType<ShowCardAction>(Assert.IsType<ActionSet>(card.Body[^1]).Actions[2]);
        var reason = Assert.IsType<TextInput>(Assert.Single(propose.Card.Body));
        Assert.Equal((WorkflowVerbs.ReasonKey, true), (reason.Id, reason.IsRequired));
    }

    [Fact]
    public void SummaryCard_ButtonsSitInActionSet()
    {
        var card = AdaptiveCardRenderer.Render(Reply);

        Assert.Null(card.Actions);
        Assert.IsType<ActionSet>(card.Body[^1]);
    }

    [Fact]
    public void SummaryCard_SubmitFallbackCarriesVerb()
    {
        var card = ToJson(AdaptiveCardRenderer.Render(Reply));

        var fallback = ExecuteActions(card).First()["fallback"]!;
        Assert.Equal("Action.Submit", fallback["type"]!.GetValue<string>());
        Assert.Equal(ReplyVerbs.Why, fallback["data"]![CardBlocks.FallbackVerbKey]!.GetValue<string>());
        Assert.Equal("acc-1", fallback["data"]![ReplyVerbs.AccountIdKey]!.GetValue<string>());
    }

    [Fact]
    public void SummaryCard_IsFullWidthVersion15()
    {
        var card = ToJson(AdaptiveCardRenderer.Render(Reply));

        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.Equal("Full", card["msteams"]!["width"]!.GetValue<string>());
        Assert.Equal(AdaptiveCard.SchemaUrl, card["$schema"]!.GetValue<string>());
    }

    [Fact]
    public void SummaryCard_FallbackTextIsReplyText()
    {
        var card = AdaptiveCardRenderer.Render(Reply);

        Assert.Equal(ReplyText.Format(Reply), card.FallbackText);
    }

    [Fact]
    public void EmptySummary_SaysSo()
    {
        var card = ToJson(AdaptiveCardRenderer.Render(ReplyFixtures.Summary(empty: true)));

        var texts = MarkdownStrings(card).ToList();
        Assert.Contains("No touches recorded yet.", texts);
        Assert.Contains("Unassigned", texts);
        Assert.Equal("No firmographics recorded", TextOf(ById(card, "firmographics")));
        Assert.Empty(ExecuteActions(card));
    }

    [Fact]
    public void ExcludedAccount_ShowsExclusion()
    {
        var reply = new AccountSummaryReply(ReplyFixtures.Account(exclusion: "Competitor"));

        var card = ToJson(AdaptiveCardRenderer.Render(reply));

        var exclusion = ById(card, "fitExclusion");
        Assert.Equal("Excluded from the ICP: Competitor", TextOf(exclusion));
        Assert.Equal("attention", exclusion["color"]!.GetValue<string>());
    }
}
