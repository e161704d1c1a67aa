using Abm.Bot.Cards;
using Abm.Core.Answers;
using static Abm.Bot.Tests.Cards.CardJsonQuery;

namespace Abm.Bot.Tests.Cards;

public class ListCardTests
{
    [Fact]
    public void TopAccounts_TitleNamesSortAndFilter()
    {
        var card = ToJson(AdaptiveCardRenderer.Render(ReplyFixtures.TopAccounts()));

        Assert.Equal("Top 3 accounts by AES in EMEA", TextOf(ById(card, "title")));
    }

    [Fact]
    public void TopAccounts_RowsCarryEveryColumn()
    {
        var card = AdaptiveCardRenderer.Render(ReplyFixtures.TopAccounts());

        var table = card.Body.OfType<Table>().Single(candidate => candidate.Id == "accounts");
        Assert.Equal(
            [
                ["1", "Contoso Ltd", "89.5", "Hot", "+3.5", "C · 79", "Pipeline", "Contoso Ltd"],
                ["2", "Contoso Ltd 2", "88.5", "Hot", "-2.2", "B · 78", "Pipeline", "Contoso Ltd"],
                ["3", "Contoso Ltd 3", "87.5", "Hot", "+3.5", "A · 77", "Pipeline", "Unassigned"],
            ],
            BodyRows(table));
    }

    [Fact]
    public void TopAccounts_NameOpensSummary()
    {
        var card = AdaptiveCardRenderer.Render(ReplyFixtures.TopAccounts());

        var table = card.Body.OfType<Table>().Single(candidate => candidate.Id == "accounts");
        var action = Assert.IsType<ExecuteAction>(table.Rows[2].Cells[1].SelectAction);
        Assert.Equal(ReplyVerbs.Summary, action.Verb);
        Assert.Equal("acc-2", action.Data![ReplyVerbs.AccountIdKey]);
    }

    [Fact]
    public void TopAccounts_BandColoured()
    {
        var card = AdaptiveCardRenderer.Render(ReplyFixtures.TopAccounts(count: 4));

        var table = card.Body.OfType<Table>().Single(candidate => candidate.Id == "accounts");
        Assert.Equal(TextColor.Attention, ((TextBlock)table.Rows[1].Cells[3].Items[0]).Color);
        Assert.Equal(TextColor.Accent, ((TextBlock)table.Rows[4].Cells[3].Items[0]).Color);
    }

    [Fact]
    public void TopAccounts_CapsRowsAndSaysSo()
    {
        var card = ToJson(AdaptiveCardRenderer.Render(ReplyFixtures.TopAccounts(count: 120)));

        Assert.Contains("Showing the first 50 of 120 accounts.", MarkdownStrings(card));
    }

    [Fact]
    public void TopAccounts_EmptySaysNoMatch()
    {
        var card = ToJson(AdaptiveCardRenderer.Render(ReplyFixtures.TopAccounts(count: 0, filter: null)));

        Assert.Contains("No accounts match.", MarkdownStrings(card));
    }

    [Fact]
    public void Changes_ShowsBeforeAndAfter()
    {
        var card = AdaptiveCardRenderer.Render(ReplyFixtures.Changes());

        var risers = card.Body.OfType<Table>().Single(candidate => candidate.Id == "risers");
        Assert.Equal([["Contoso Ltd", "40 → 72.4", "+32.4", "Warm → Hot"]], BodyRows(risers));
        var fallers = card.Body.OfType<Table>().Single(candidate => candidate.Id == "fallers");
        Assert.Equal([["Contoso Ltd 2", "55 → 30", "-25", "Engaged → Warm"]], BodyRows(fallers));
    }

    [Fact]
    public void Changes_HeadingNamesPeriod()
    {
        var card = AdaptiveCardRenderer.Render(ReplyFixtures.Changes());

        Assert.Equal("What changed from 27 Nov 2026 to 4 Dec 2026", Assert.IsType<TextBlock>(card.Body[0]).Text);
    }

    [Fact]
    public void EmptyChanges_SaySo()
    {
        var card = ToJson(AdaptiveCardRenderer.Render(ReplyFixtures.Changes(empty: true)));

        var texts = MarkdownStrings(card).ToList();
        Assert.Contains("No risers in this period.", texts);
        Assert.Contains("No fallers in this period.", texts);
        Assert.Contains("No band changes in this period.", texts);
    }

    [Fact]
    public void Funnel_ShowsCountsConversionAndValue()
    {
        var card = AdaptiveCardRenderer.Render(ReplyFixtures.Funnel());

        var table = card.Body.OfType<Table>().Single(candidate => candidate.Id == "stages");
        Assert.Equal(
            [
                ["Target", "120", "—", "—"],
                ["Engaged", "48", "40 %", "—"],
                ["Sales Qualified Lead", "12", "25 %", "—"],
                ["Pipeline", "5", "42 %", "$2.4M open at target accounts"],
                ["Closed Won", "2", "40 %", "$730K won at target accounts"],
            ],
            BodyRows(table));
    }

    [Fact]
    public void Funnel_ShowsWhatItCounts()
    {
        var card = ToJson(AdaptiveCardRenderer.Render(ReplyFixtures.Funnel()));

        Assert.Contains(ReplyText.FunnelNotes[0], MarkdownStrings(card));
    }

    [Fact]
    public void EmptyFunnel_SaysSo()
    {
        var card = ToJson(AdaptiveCardRenderer.Render(ReplyFixtures.Funnel(filter: null, empty: true)));

        Assert.Equal("Funnel", TextOf(ById(card, "title")));
        Assert.Contains("No accounts are in the funnel yet.", MarkdownStrings(card));
    }
}
