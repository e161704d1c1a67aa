using Abm.Core.Answers;
using Abm.Core.Domain;
using Abm.Core.Scoring;

namespace Abm.Core.Tests.Answers;

public sealed class AssistantTests : IDisposable
{
    // Contoso as of 4 Dec 2026 12:00 with the default options (scale 175):
    //   meeting, 90 min with a C-level contact, 1 day old:   90 × 2.0 × 0.5^(1/30)  = 175.8888
    //   pricing page, Director (12.5, capped to 6), 2 days:  6 × 0.5^(2/14)         =   5.4343
    //   demo request, no contact, 10 days:                   50 × 0.5^(10/90)        =  46.2937
    //   raw 227.6169 → 100 × (1 − e^(−227.6169 / 175)) = 72.8 (hot).
    //   Seven days earlier only the demo request counts: 50 × 0.5^(3/90) = 48.8580 → 24.4 (cold).
    // The login is excluded and the meeting in 2 days lies in the future.
    private const double ContosoRaw = 227.61687191811222;

    private readonly AnswersDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private Task<Reply> Ask(string question, Asker? asker = null) =>
        _database.Assistant.AskAsync(question, asker ?? AnswersDatabase.Ana, CancellationToken.None);

    [Fact]
    public async Task Summary_Contoso_HandComputedNumbers()
    {
        var reply = Assert.IsType<AccountSummaryReply>(await Ask("tell me about Contoso Ltd"));
        var account = reply.Account;

        Assert.Equal("a-contoso", account.Id);
        Assert.Equal(95, account.Fit.Score);
        Assert.Equal(FitTier.A, account.Fit.Tier);
        Assert.Equal(ContosoRaw, account.Engagement.RawPoints, 9);
        Assert.Equal(72.8, account.Engagement.Score);
        Assert.Equal(EngagementBand.Hot, account.Engagement.Band);
        Assert.Equal(24.4, account.Engagement.ScoreSevenDaysAgo);
        Assert.Equal(FunnelStage.ClosedWon, account.Stage);
        Assert.Equal(120_000m, account.OpenPipelineUsd);
        Assert.Equal(1, account.OpenOpportunities);
        Assert.Equal(50_000m, account.WonUsd);
        Assert.Equal("Ana Ruiz", account.OwnerName);
        Assert.True(account.IsTarget);
        Assert.Equal(2, account.Engagement.EngagedContacts);
        Assert.Equal(2, account.Engagement.EngagedPersonas);
    }

    [Fact]
    public async Task Summary_LatestTouches_NewestFirstWithoutExcludedOrFuture()
    {
        var reply = Assert.IsType<AccountSummaryReply>(await Ask("tell me about Contoso Ltd"));

        Assert.Equal(["meeting", "pricing_page_view", "demo_request"], reply.Account.LatestTouches.Select(t => t.Type));
        Assert.Equal("Jane Doe", reply.Account.LatestTouches[0].ContactName);
    }

    [Fact]
    public async Task Summary_HasWhyAndTopEventsActions()
    {
        var reply = await Ask("contoso.com");

        Assert.Equal([ReplyVerbs.Why, ReplyVerbs.TopEvents], reply.Actions.Select(a => a.Verb));
        Assert.All(reply.Actions, a => Assert.Equal("a-contoso", a.Data[ReplyVerbs.AccountIdKey]));
    }

    [Fact]
    public async Task Summary_FutureDealIgnored()
    {
        // Fabrikam's 99,000 proposal is created 5 days after the instant, so only the qualification deal is open.
        var reply = Assert.IsType<AccountSummaryReply>(await Ask("tell me about fabrikam"));

        Assert.Equal(10_000m, reply.Account.OpenPipelineUsd);
        Assert.Equal(FunnelStage.NotTargeted, reply.Account.Stage);
        Assert.Equal(42.7, reply.Account.Fit.Score);
        Assert.Equal(FitTier.C, reply.Account.Fit.Tier);
    }

    [Fact]
    public async Task Summary_NeverActiveAccount_HasNoLastActivity()
    {
        var reply = Assert.IsType<AccountSummaryReply>(await Ask("Northwind Traders"));

        Assert.Null(reply.Account.Engagement.LastActivityAt);
        Assert.Equal(FunnelStage.Target, reply.Account.Stage);
    }

    [Fact]
    public async Task Why_Contoso_ReasonsStrongestFirst()
    {
        var reply = Assert.IsType<AccountExplanationReply>(await Ask("@Abm why is Contoso hot?"));

        Assert.Equal(ExplanationKind.Why, reply.Kind);
        Assert.Equal(
            [
                "Contoso Ltd is hot: AES 72.8 (hot starts at 70).",
                "Sales activity adds 175.9 points, led by meeting with Jane Doe on 3 Dec 2026 (175.9).",
                "Marketing activity adds 51.7 points, led by demo request on 24 Nov 2026 (46.3).",
                "2 contacts engaged in the last 90 days, covering 2 buying roles.",
                "Up 48.4 points in 7 days, from 24.4 to 72.8.",
                "Last activity yesterday, 3 Dec 2026.",
                "Fit 95 (tier A): Software is a target industry; Pro-forma lifetime value $300K meets the $300K target.",
            ],
            reply.Reasons);
    }

    [Fact]
    public async Task Why_WrongBand_SaysActualBand()
    {
        var reply = Assert.IsType<AccountExplanationReply>(await Ask("why is Fabrikam hot"));

        Assert.Equal("Fabrikam Inc is cold, not hot: AES 0.7 (hot starts at 70).", reply.Reasons[0]);
        Assert.Equal("Last activity 40 days ago, on 25 Oct 2026.", reply.Reasons[1]);
    }

    [Fact]
    public async Task Why_NeverActive_LeadsWithRecency()
    {
        var reply = Assert.IsType<AccountExplanationReply>(await Ask("why is Northwind cold"));

        Assert.Equal("Northwind Traders is cold: AES 0 (warm starts at 25).", reply.Reasons[0]);
        Assert.Equal("No activity recorded.", reply.Reasons[1]);
    }

    [Fact]
    public async Task Why_HasBackToSummaryAction()
    {
        var reply = await Ask("why is Contoso hot");

        Assert.Equal([ReplyVerbs.Summary, ReplyVerbs.TopEvents], reply.Actions.Select(a => a.Verb));
        Assert.Equal("Back to summary", reply.Actions[0].Title);
    }

    [Fact]
    public async Task TopEvents_Contoso_DecayedPoints()
    {
        var reply = Assert.IsType<AccountExplanationReply>(await Ask("top events Contoso"));

        Assert.Equal(ExplanationKind.TopEvents, reply.Kind);
        Assert.Equal(
            [
                "175.9 points: meeting with Jane Doe on 3 Dec 2026 (Sales)",
                "46.3 points: demo request on 24 Nov 2026 (Marketing)",
                "5.4 points: pricing page view with Raj Patel – /pricing on 2 Dec 2026 (Marketing)",
            ],
            reply.Reasons);
    }

    [Fact]
    public async Task TopAccounts_ByAes_RanksAllAccounts()
    {
        var reply = Assert.IsType<TopAccountsReply>(await Ask("top 3 accounts"));

        Assert.Equal("AES", reply.SortedBy);
        Assert.Null(reply.Filter);
        Assert.Equal(["a-contoso", "a-fabrikam", "a-northwind"], reply.Rows.Select(r => r.Id));
        Assert.Equal(72.8, reply.Rows[0].Aes);
        Assert.Equal(48.4, reply.Rows[0].AesChange7Days, 9);
    }

    [Fact]
    public async Task TopAccounts_ByFitInRegion()
    {
        // Fabrikam: 12.5 + 7.5 + 6 + 10.5 + 5 + 1.2 = 42.7; Northwind: 25 + 10.5 + 5 = 40.5.
        var reply = Assert.IsType<TopAccountsReply>(await Ask("top 5 accounts by fit in emea"));

        Assert.Equal("fit", reply.SortedBy);
        Assert.Equal("in EMEA", reply.Filter);
        Assert.Equal(["a-fabrikam", "a-northwind"], reply.Rows.Select(r => r.Id));
        Assert.Equal(40.5, reply.Rows[1].Fit);
    }

    [Fact]
    public async Task TopAccounts_MyAccounts_UsesAsker()
    {
        var reply = Assert.IsType<TopAccountsReply>(await Ask("my top accounts"));

        Assert.Equal(["a-contoso", "a-northwind"], reply.Rows.Select(r => r.Id));
        Assert.Equal("owned by you (Ana Ruiz)", reply.Filter);
    }

    [Fact]
    public async Task TopAccounts_MyAccounts_UnknownAsker_Explains()
    {
        var reply = Assert.IsType<TextReply>(await Ask("top accounts in my accounts", new Asker(null, "Guest", "msteams")));

        Assert.StartsWith("I could not tell who you are", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TopAccounts_OwnerName()
    {
        var reply = Assert.IsType<TopAccountsReply>(await Ask("top accounts owned by Ben Okafor"));

        Assert.Equal(["a-fabrikam"], reply.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task TopAccounts_UnknownFilter_NamesValueAndOptions()
    {
        var reply = Assert.IsType<TextReply>(await Ask("top accounts in Atlantis"));

        Assert.Equal(
            "No industry, region, country or account owner matches \"Atlantis\". Industries: Health Care, Retail, Software. Regions: EMEA, North America. Countries: Germany, United States. Account owners: Ana Ruiz, Ben Okafor.",
            reply.Text);
    }

    [Fact]
    public async Task Summary_Misspelled_SaysCorrection()
    {
        var reply = Assert.IsType<AccountSummaryReply>(await Ask("tell me about Northwnd Traders"));

        Assert.Equal("Showing Northwind Traders (closest match to \"Northwnd Traders\").", reply.Correction?.Text);
    }

    [Theory]
    [InlineData("tell me about contoso ltd.")]
    [InlineData("why is The Contoso, Ltd hot")]
    [InlineData("top events contoso.com")]
    public async Task Account_SpelledAsStored_NoCorrection(string question)
    {
        var reply = await Ask(question);

        Assert.Null(reply.Correction);
    }

    [Fact]
    public async Task Why_Misspelled_SaysCorrection()
    {
        var reply = Assert.IsType<AccountExplanationReply>(await Ask("why is Northwnd Traders cold"));

        Assert.Equal(new NameCorrection("Northwnd Traders", "Northwind Traders"), reply.Correction);
    }

    [Fact]
    public async Task TopAccounts_UnknownIndustry_ListsIndustries()
    {
        var reply = Assert.IsType<TextReply>(await Ask("top accounts in industry Spaceships"));

        Assert.Equal("No industry matches \"Spaceships\". Industries: Health Care, Retail, Software.", reply.Text);
    }

    [Theory]
    [InlineData("funnel for region EMAE", "No region matches \"EMAE\". Did you mean \"EMEA\"? Regions: EMEA, North America.")]
    [InlineData("top accounts in owner Bem Okafor", "No account owner matches \"Bem Okafor\". Did you mean \"Ben Okafor\"? Account owners: Ana Ruiz, Ben Okafor.")]
    [InlineData("top accounts in Sofware", "No industry, region, country or account owner matches \"Sofware\". Did you mean \"Software\"? Industries: Health Care, Retail, Software. Regions: EMEA, North America. Countries: Germany, United States. Account owners: Ana Ruiz, Ben Okafor.")]
    public async Task Filter_NearMiss_SuggestsValue(string question, string expected)
    {
        var reply = Assert.IsType<TextReply>(await Ask(question));

        Assert.Equal(expected, reply.Text);
    }

    [Theory]
    [InlineData("top accounts in industry software", "a-contoso")]
    [InlineData("top accounts in country: germany", "a-fabrikam")]
    [InlineData("top accounts in owner Ben", "a-fabrikam")]
    public async Task TopAccounts_KindWord_Filters(string question, string firstId)
    {
        var reply = Assert.IsType<TopAccountsReply>(await Ask(question));

        Assert.Equal(firstId, reply.Rows[0].Id);
    }

    [Fact]
    public async Task Changes_RisersFallersAndBandChanges()
    {
        // Fabrikam's visits were 33 days old a week ago: 3 × 0.5^(33/30) = 1.3995 → 0.8; now 3 × 0.5^(40/30) = 1.1906 → 0.7.
        var reply = Assert.IsType<ChangesReply>(await Ask("what changed this week?"));

        Assert.Equal(AnswersDatabase.AsOf.AddDays(-7), reply.From);
        var riser = Assert.Single(reply.Risers);
        Assert.Equal(("a-contoso", 24.4, 72.8), (riser.Id, riser.AesBefore, riser.AesNow));
        var faller = Assert.Single(reply.Fallers);
        Assert.Equal(("a-fabrikam", 0.8, 0.7), (faller.Id, faller.AesBefore, faller.AesNow));
        var band = Assert.Single(reply.BandChanges);
        Assert.Equal((EngagementBand.Cold, EngagementBand.Hot), (band.BandBefore, band.BandNow));
    }

    [Fact]
    public async Task Funnel_AllAccounts()
    {
        // Stages: Contoso Closed Won, Northwind Target. Fabrikam has an open deal and Contoso
        // Pharma is proposed, but neither is on the approved list, so neither counts.
        var reply = Assert.IsType<FunnelReply>(await Ask("funnel"));
        var stages = reply.Stages.ToDictionary(s => s.Stage);

        Assert.Equal(2, stages[FunnelStage.Target].Count);
        Assert.Equal(1, stages[FunnelStage.Engaged].Count);
        Assert.Equal(1, stages[FunnelStage.SalesQualifiedLead].Count);
        Assert.Equal(1, stages[FunnelStage.SalesAcceptedOpportunity].Count);
        Assert.Equal(1.0, stages[FunnelStage.SalesAcceptedOpportunity].ConversionFromPrevious);
        Assert.Equal(120_000m, stages[FunnelStage.Pipeline].ValueUsd);
        Assert.Equal(50_000m, stages[FunnelStage.ClosedWon].ValueUsd);
        Assert.Equal(0, stages[FunnelStage.Expansion].Count);
    }

    [Fact]
    public async Task Funnel_ForIndustry()
    {
        var reply = Assert.IsType<FunnelReply>(await Ask("funnel for software"));

        Assert.Equal("in Software", reply.Filter);
        Assert.Equal(2, reply.Stages.Single(s => s.Stage == FunnelStage.Target).Count);
        Assert.Equal(1, reply.Stages.Single(s => s.Stage == FunnelStage.ClosedWon).Count);
    }

    [Fact]
    public async Task Help_ListsCommands()
    {
        var reply = Assert.IsType<HelpReply>(await Ask("help"));

        Assert.Contains(reply.Commands, c => c.Example == "what changed this week");
    }

    [Theory]
    [InlineData("tell me about Contoso Ltd")]
    [InlineData("why is Contoso Ltd hot")]
    [InlineData("top 10 accounts by fit in North America")]
    [InlineData("funnel for Software")]
    public async Task Help_ExamplesUseHighestAesAccount(string example)
    {
        var reply = Assert.IsType<HelpReply>(await Ask("help"));

        Assert.Contains(reply.Commands, c => c.Example == example);
    }

    [Fact]
    public void Help_NoAccounts_UsesPlaceholders()
    {
        var reply = HelpCommands.Reply(null);

        Assert.Equal(
            ["tell me about <account name>", "why is <account name> hot", "top events <account name>", "top 10 accounts by fit in <region>", "what changed this week", "funnel for <industry>", "help"],
            reply.Commands.Select(c => c.Example));
    }

    [Fact]
    public async Task NotFound_OffersSuggestionsWithActions()
    {
        var reply = Assert.IsType<AccountNotFoundReply>(await Ask("why is cont hot"));

        Assert.Equal("cont", reply.Query);
        Assert.Equal(["a-contoso", "a-pharma"], reply.Suggestions.Select(s => s.Id).Order(StringComparer.Ordinal));
        Assert.All(reply.Actions, a => Assert.Equal(ReplyVerbs.Why, a.Verb));
        Assert.Equal(reply.Suggestions.Select(s => s.Id), reply.Actions.Select(a => a.Data[ReplyVerbs.AccountIdKey]));
    }

    [Fact]
    public async Task Gibberish_SaysNotUnderstood()
    {
        var reply = Assert.IsType<TextReply>(await Ask("qqqq zzzz"));

        Assert.Equal("I did not understand \"qqqq zzzz\", and no account has that name. Type \"help\" to see what I can answer.", reply.Text);
    }

    [Fact]
    public async Task LongGibberish_QuotesOnlyAPrefix()
    {
        var reply = Assert.IsType<TextReply>(await Ask(string.Join(' ', Enumerable.Repeat("qqqq", 200))));

        Assert.True(reply.Text.Length < 200, reply.Text);
        Assert.Contains("qqqq…\"", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_Why_ReturnsExplanation()
    {
        var data = new Dictionary<string, string> { [ReplyVerbs.AccountIdKey] = "a-contoso" };

        var reply = await _database.Assistant.ExecuteAsync(ReplyVerbs.Why, data, AnswersDatabase.Ana, CancellationToken.None);

        Assert.Equal(ExplanationKind.Why, Assert.IsType<AccountExplanationReply>(reply).Kind);
    }

    [Fact]
    public async Task Execute_Summary_ReturnsSummary()
    {
        var data = new Dictionary<string, string> { [ReplyVerbs.AccountIdKey] = "a-fabrikam" };

        var reply = await _database.Assistant.ExecuteAsync(ReplyVerbs.Summary, data, AnswersDatabase.Ana, CancellationToken.None);

        Assert.Equal("a-fabrikam", Assert.IsType<AccountSummaryReply>(reply).Account.Id);
    }

    [Fact]
    public async Task Execute_UnknownVerb_NamesIt()
    {
        var reply = await _database.Assistant.ExecuteAsync("account.delete", new Dictionary<string, string>(), AnswersDatabase.Ana, CancellationToken.None);

        Assert.StartsWith("Unknown action \"account.delete\".", Assert.IsType<TextReply>(reply).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_MissingAccountId_NamesKey()
    {
        var reply = await _database.Assistant.ExecuteAsync(ReplyVerbs.Why, new Dictionary<string, string>(), AnswersDatabase.Ana, CancellationToken.None);

        Assert.StartsWith("The action \"account.why\" carries no accountId.", Assert.IsType<TextReply>(reply).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_UnknownAccount_NamesId()
    {
        var data = new Dictionary<string, string> { [ReplyVerbs.AccountIdKey] = "a-gone" };

        var reply = await _database.Assistant.ExecuteAsync(ReplyVerbs.TopEvents, data, AnswersDatabase.Ana, CancellationToken.None);

        Assert.StartsWith("No account has the id \"a-gone\"", Assert.IsType<TextReply>(reply).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clock_AdvancedTenDays_DecaysScore()
    {
        _database.Clock.Advance(TimeSpan.FromDays(10));

        var reply = Assert.IsType<AccountSummaryReply>(await Ask("tell me about Fabrikam"));

        // 3 × 0.5^(50/30) = 0.9449 → 100 × (1 − e^(−0.9449 / 175)) = 0.5.
        Assert.Equal(0.5, reply.Account.Engagement.Score);
    }
}
