using Abm.Core.Answers;
using Abm.Core.Domain;
using Abm.Core.Scoring;

namespace Abm.Core.Tests.Answers;

public sealed class ReplyTextTests : IDisposable
{
    private readonly AnswersDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task<string[]> AskLines(string question)
    {
        var reply = await _database.Assistant.AskAsync(question, AnswersDatabase.Ana, CancellationToken.None);
        return ReplyText.Format(reply).Split(Environment.NewLine);
    }

    [Fact]
    public async Task Summary_Lines()
    {
        var lines = await AskLines("tell me about Contoso");

        Assert.Equal(
            [
                "Contoso Ltd (contoso.com)",
                "Software · 5,000 employees · $1B revenue · North America, United States",
                "Owner: Ana Ruiz · Target list: approved",
                "Fit 95 (tier A) · AES 72.8 hot (+48.4 in 7 days) · Stage: Closed Won",
                "Open pipeline $120K in 1 opportunity · Won $50K",
                "Engaged contacts: 2 · buying roles: 2 · last activity 3 Dec 2026",
                "Latest touches:",
                "- 3 Dec 2026: meeting with Jane Doe (Sales)",
                "- 2 Dec 2026: pricing page view with Raj Patel – /pricing (Marketing)",
                "- 24 Nov 2026: demo request (Marketing)",
            ],
            lines);
    }

    [Fact]
    public async Task Why_TitleAndBullets()
    {
        var lines = await AskLines("why is Contoso hot");

        Assert.Equal("Why Contoso Ltd is hot", lines[0]);
        Assert.Equal("- Contoso Ltd is hot: AES 72.8 (hot starts at 70).", lines[1]);
    }

    [Fact]
    public async Task TopAccounts_Rows()
    {
        var lines = await AskLines("top 2 accounts in EMEA");

        Assert.Equal("Top 2 accounts by AES in EMEA", lines[0]);
        Assert.Equal("1. Fabrikam Inc: AES 0.7 cold (-0.1 in 7 days), Fit 42.7 (tier C), Not targeted, owner Ben Okafor", lines[1]);
        Assert.Equal("2. Northwind Traders: AES 0 cold (0 in 7 days), Fit 40.5 (tier C), Target, owner Ana Ruiz", lines[2]);
    }

    [Fact]
    public async Task Funnel_Lines()
    {
        var lines = await AskLines("funnel");

        Assert.Equal("Funnel", lines[0]);
        Assert.Equal("Target: 2", lines[1]);
        Assert.Equal("Engaged: 1 (50 % of Target)", lines[2]);
        Assert.Equal("Pipeline: 1 (100 % of Sales Accepted Opportunity) · $120K open at target accounts", lines[5]);
        Assert.Equal("Closed Won: 1 (100 % of Pipeline) · $50K won at target accounts", lines[6]);
        Assert.Equal(ReplyText.FunnelNotes, lines[^ReplyText.FunnelNotes.Count..]);
    }

    [Fact]
    public async Task Changes_Sections()
    {
        var lines = await AskLines("what changed this week");

        Assert.Equal(
            [
                "Changes from 27 Nov 2026 to 4 Dec 2026",
                "Risers:",
                "- Contoso Ltd: AES 24.4 → 72.8 (+48.4)",
                "Fallers:",
                "- Fabrikam Inc: AES 0.8 → 0.7 (-0.1)",
                "Band changes:",
                "- Contoso Ltd: cold → hot",
            ],
            lines);
    }

    [Fact]
    public void NotFound_ListsSuggestions()
    {
        var reply = new AccountNotFoundReply("cont", [new AccountMatch("a-1", "Contoso Ltd", 80), new AccountMatch("a-2", "Contoso Pharma", 70)]);

        Assert.Equal("No account matches \"cont\". Did you mean Contoso Ltd, Contoso Pharma?", ReplyText.Format(reply));
    }

    [Fact]
    public async Task Summary_Misspelled_LeadsWithCorrection()
    {
        var lines = await AskLines("tell me about Northwnd Traders");

        Assert.Equal("Showing Northwind Traders (closest match to \"Northwnd Traders\").", lines[0]);
        Assert.Equal("Northwind Traders (northwind.com)", lines[1]);
    }

    [Fact]
    public void Help_OneLinePerCommand()
    {
        var text = ReplyText.Format(new HelpReply([new HelpCommand("help", "This list.")]));

        Assert.Equal("I can answer:" + Environment.NewLine + "- \"help\": This list.", text);
    }

    [Theory]
    [InlineData(950, "$950")]
    [InlineData(12_500, "$12.5K")]
    [InlineData(999_999, "$999.9K")]
    [InlineData(1_250_000, "$1.2M")]
    [InlineData(3_400_000_000, "$3.4B")]
    [InlineData(-50_000, "-$50K")]
    public void Money_Compact(decimal usd, string expected)
    {
        Assert.Equal(expected, NumberText.Money(usd));
    }

    [Fact]
    public void StageName_AllStagesNamed()
    {
        Assert.All(Enum.GetValues<FunnelStage>(), s => Assert.False(string.IsNullOrWhiteSpace(ReplyText.StageName(s))));
    }
}
