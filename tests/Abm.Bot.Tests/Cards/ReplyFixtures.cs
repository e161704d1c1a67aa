using Abm.Core.Answers;
using Abm.Core.TargetList;
using Abm.Core.Domain;
using Abm.Core.Scoring;

namespace Abm.Bot.Tests.Cards;

/// <summary>Hand-built replies, with data meant to break naive cards.</summary>
internal static class ReplyFixtures
{
    public static readonly DateTimeOffset AsOf = new(2026, 12, 4, 9, 30, 0, TimeSpan.Zero);

    public const string MarkdownName = "**Acme** _Corp_ [click](https://example.com/x) `code` ~~gone~~";

    public const string HtmlName = "<script>alert(1)</script> &amp; <at>Boss</at> {{DATE(2017-02-14T06:08:39Z, SHORT)}}";

    public const string EmojiName = "🚀 Rocket Café 👩‍👩‍👧 Ünïcødé 株式会社";

    public const string ListName = "1. First - second";

    public static readonly string LongName = string.Concat(Enumerable.Repeat("Very Long Holdings International ", 80));

    /// <summary>The names every renderer is tried with.</summary>
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["plain"] = "Contoso Ltd",
        ["markdown"] = MarkdownName,
        ["html"] = HtmlName,
        ["emoji"] = EmojiName,
        ["list"] = ListName,
        ["long"] = LongName,
        ["newlines"] = "Line one\n- line two\r\n# three\tand a tab",
        ["rtl"] = "Normal \u202Eevil\u202C name",
    };

    public static FitResult Fit(string accountId = "acc-1", double score = 85, FitTier tier = FitTier.A, string? exclusion = null, bool empty = false) => new(
        accountId,
        score,
        tier,
        empty
            ? []
            :
            [
                new FitContribution("industry", 20, 20, "Software is a target industry"),
                new FitContribution("employees", 12.5, 15, "1,200 employees is inside the 500–5,000 band"),
                new FitContribution("region", 0, 10, "APAC is outside the target regions"),
            ],
        exclusion);

    public static EngagementResult Engagement(string accountId = "acc-1", string contact = "Jane Doe", bool empty = false) => new(
        accountId,
        AsOf,
        Score: 72.4,
        EngagementBand.Hot,
        RawPoints: 184.25,
        empty
            ? new Dictionary<BusinessFunction, double>()
            : new Dictionary<BusinessFunction, double>
            {
                [BusinessFunction.Marketing] = 96.5,
                [BusinessFunction.SalesDevelopment] = 40,
                [BusinessFunction.Sales] = 47.75,
            },
        EngagedContacts: empty ? 0 : 4,
        EngagedPersonas: empty ? 0 : 3,
        empty
            ? []
            :
            [
                new EventContribution(11, "meeting", BusinessFunction.Sales, AsOf.AddDays(-2), contact, "Demo with the CFO", 30),
                new EventContribution(12, "web.pricing", BusinessFunction.Marketing, AsOf.AddDays(-3), null, null, 12.5),
                new EventContribution(13, "email.reply", BusinessFunction.SalesDevelopment, AsOf.AddDays(-9), contact, contact, 4.25),
            ],
        ScoreSevenDaysAgo: 67.3,
        empty ? null : AsOf.AddDays(-2));

    public static AccountSummary Account(string name = "Contoso Ltd", bool empty = false, string? exclusion = null) => new(
        "acc-1",
        name,
        empty ? null : "contoso.example",
        empty ? null : name == "Contoso Ltd" ? "Software" : name,
        empty ? null : 1200,
        empty ? null : 50_000_000m,
        empty ? null : "EMEA",
        empty ? null : "Germany",
        empty ? null : name == "Contoso Ltd" ? "Megan Bowen" : name,
        IsTarget: !empty,
        Fit(exclusion: exclusion, empty: empty),
        Engagement(contact: name == "Contoso Ltd" ? "Jane Doe" : name, empty: empty),
        FunnelStage.SalesQualifiedLead,
        OpenPipelineUsd: empty ? 0 : 1_250_000m,
        OpenOpportunities: empty ? 0 : 3,
        WonUsd: empty ? 0 : 310_500.49m,
        empty
            ? []
            :
            [
                new Touch(AsOf.AddDays(-2), "meeting", BusinessFunction.Sales, name == "Contoso Ltd" ? "Jane Doe" : name, "Demo with the CFO"),
                new Touch(AsOf.AddDays(-3), "web.pricing", BusinessFunction.Marketing, null, null),
            ]);

    public static IReadOnlyList<ReplyAction> AccountActions(string accountId = "acc-1") =>
    [
        ReplyVerbs.ForAccount(ReplyVerbs.Why, "Why?", accountId),
        ReplyVerbs.ForAccount(ReplyVerbs.TopEvents, "Top events", accountId),
        WorkflowVerbs.ProposeAction(accountId),
        WorkflowVerbs.ChoosePlaybookAction(accountId),
    ];

    public static AccountSummaryReply Summary(string name = "Contoso Ltd", bool empty = false) =>
        new(Account(name, empty, exclusion: empty ? null : name == "Contoso Ltd" ? null : name))
        {
            Actions = empty ? [] : AccountActions(),
        };

    public static AccountExplanationReply Explanation(ExplanationKind kind, string name = "Contoso Ltd", bool empty = false) =>
        new(
            Account(name, empty),
            kind,
            empty ? [] : ["3 people from the buying group engaged this week", $"{name} requested a demo", "AES rose 5.1 points in 7 days"])
        {
            Actions = empty ? [] : [ReplyVerbs.ForAccount(ReplyVerbs.Summary, "Summary", "acc-1")],
        };

    public static TopAccountsReply TopAccounts(string name = "Contoso Ltd", int count = 3, string? filter = "in EMEA") =>
        new("AES", filter, [.. Enumerable.Range(1, count).Select(i => Row(i, name))]);

    public static AccountRow Row(int i, string name) => new(
        $"acc-{i}",
        i == 1 ? name : $"{name} {i}",
        Aes: 90.5 - i,
        i % 4 == 0 ? EngagementBand.Cold : EngagementBand.Hot,
        AesChange7Days: i % 2 == 0 ? -2.25 : 3.5,
        Fit: 80 - i,
        (FitTier)(i % 4),
        FunnelStage.Pipeline,
        i % 3 == 0 ? null : name);

    public static ChangesReply Changes(string name = "Contoso Ltd", bool empty = false) => new(
        AsOf.AddDays(-7),
        AsOf,
        empty ? [] : [new AccountChange("acc-1", name, 40, 72.4, EngagementBand.Warm, EngagementBand.Hot)],
        empty ? [] : [new AccountChange("acc-2", name + " 2", 55, 30, EngagementBand.Engaged, EngagementBand.Warm)],
        empty
            ? []
            :
            [
                new AccountChange("acc-1", name, 40, 72.4, EngagementBand.Warm, EngagementBand.Hot),
                new AccountChange("acc-2", name + " 2", 55, 30, EngagementBand.Engaged, EngagementBand.Warm),
            ]);

    public static FunnelReply Funnel(string? filter = "in EMEA", bool empty = false) => new(
        filter,
        empty
            ? []
            :
            [
                new FunnelStageCount(FunnelStage.Target, 120, null, null),
                new FunnelStageCount(FunnelStage.Engaged, 48, 0.4, null),
                new FunnelStageCount(FunnelStage.SalesQualifiedLead, 12, 0.25, null),
                new FunnelStageCount(FunnelStage.Pipeline, 5, 5 / 12.0, 2_400_000m),
                new FunnelStageCount(FunnelStage.ClosedWon, 2, 0.4, 730_000m),
            ]);

    public static HelpReply Help(string example = "tell me about <account>", bool empty = false) => new(
        empty
            ? []
            :
            [
                new HelpCommand(example, "Fit, AES, stage, pipeline and the latest touches"),
                new HelpCommand("why is <account> hot", "The reasons behind an account's AES"),
                new HelpCommand("top 10 accounts by fit in EMEA", "Ranked accounts, filtered"),
            ]);

    public static AccountNotFoundReply NotFound(string query = "Contso", string name = "Contoso Ltd", int suggestions = 2) => new(
        query,
        [.. Enumerable.Range(1, suggestions).Select(i => new AccountMatch($"acc-{i}", i == 1 ? name : $"{name} {i}", 90 - i))]);

    public static TextReply Text(string text = "Sorry, I did not understand that. Type help to see what I can do.") => new(text);

    /// <summary>Every reply variant the card tests render: each reply type with normal, empty and hostile data.</summary>
    public static IEnumerable<(string Name, Reply Reply)> All()
    {
        foreach (var (label, name) in Names)
        {
            yield return ($"summary/{label}", Summary(name));
            yield return ($"why/{label}", Explanation(ExplanationKind.Why, name));
            yield return ($"events/{label}", Explanation(ExplanationKind.TopEvents, name));
            yield return ($"top/{label}", TopAccounts(name, filter: label == "plain" ? "in EMEA" : name));
            yield return ($"changes/{label}", Changes(name));
            yield return ($"funnel/{label}", Funnel(filter: name));
            yield return ($"help/{label}", Help(name));
            yield return ($"notfound/{label}", NotFound(name, name));
            yield return ($"text/{label}", Text(name));
        }

        yield return ("summary/empty", Summary(empty: true));
        yield return ("why/empty", Explanation(ExplanationKind.Why, empty: true));
        yield return ("events/empty", Explanation(ExplanationKind.TopEvents, empty: true));
        yield return ("top/empty", TopAccounts(count: 0, filter: null));
        yield return ("top/many", TopAccounts(count: 120));
        yield return ("changes/empty", Changes(empty: true));
        yield return ("funnel/empty", Funnel(filter: null, empty: true));
        yield return ("help/empty", Help(empty: true));
        yield return ("notfound/none", NotFound(suggestions: 0));
        yield return ("notfound/many", NotFound(suggestions: 12));
        yield return ("text/empty", Text(string.Empty));
        yield return ("text/multiline", Text("First line\n\nSecond line with *stars*\r\nThird"));
    }
}
