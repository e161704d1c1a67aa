using Abm.Core.Answers;
using Abm.Core.Scoring;

namespace Abm.Core.Tests.Answers;

public class QuestionParserTests
{
    public static TheoryData<string?, Question> Cases => new()
    {
        { "help", new HelpQuestion() },
        { "Help!", new HelpQuestion() },
        { "<at>Abm</at> help", new HelpQuestion() },
        { "what can you do?", new HelpQuestion() },
        { "tell me about Contoso", new SummaryQuestion("Contoso", false) },
        { "<at>Abm</at> tell me about Contoso Ltd.", new SummaryQuestion("Contoso Ltd", false) },
        { "@Abm please tell me about \"Contoso\"", new SummaryQuestion("Contoso", false) },
        { "Abm: can you tell me about contoso.com please?", new SummaryQuestion("contoso.com", false) },
        { "how is Fabrikam doing?", new SummaryQuestion("Fabrikam", false) },
        { "Contoso", new SummaryQuestion("Contoso", true) },
        { "<@U123ABC> Contoso", new SummaryQuestion("Contoso", true) },
        { "why is Contoso hot", new WhyQuestion("Contoso", EngagementBand.Hot) },
        { "Why is Contoso Ltd so cold?", new WhyQuestion("Contoso Ltd", EngagementBand.Cold) },
        { "why is Fabrikam warm", new WhyQuestion("Fabrikam", EngagementBand.Warm) },
        { "why Contoso", new WhyQuestion("Contoso", null) },
        { "top events Contoso", new TopEventsQuestion("Contoso") },
        { "top events for Contoso Ltd", new TopEventsQuestion("Contoso Ltd") },
        { "latest activity at Fabrikam", new TopEventsQuestion("Fabrikam") },
        { "top accounts", new TopAccountsQuestion(10, false, null) },
        { "top 5 accounts", new TopAccountsQuestion(5, false, null) },
        { "top 50 accounts", new TopAccountsQuestion(50, false, null) },
        { "top 1 account", new TopAccountsQuestion(1, false, null) },
        { "top 3 accounts by fit", new TopAccountsQuestion(3, true, null) },
        { "top 3 accounts by AES in EMEA", new TopAccountsQuestion(3, false, "EMEA") },
        { "show me the top 7 accounts in North America by fit", new TopAccountsQuestion(7, true, "North America") },
        { "top 10 hot accounts owned by Ana Ruiz", new TopAccountsQuestion(10, false, "Ana Ruiz") },
        { "my top accounts", new TopAccountsQuestion(10, false, QuestionParser.MyAccounts) },
        { "top 5 accounts in my accounts", new TopAccountsQuestion(5, false, QuestionParser.MyAccounts) },
        { "top account by icp fit", new TopAccountsQuestion(10, true, null) },
        { "what changed this week?", new ChangesQuestion() },
        { "What's changed", new ChangesQuestion() },
        { "changes over the last 7 days", new ChangesQuestion() },
        { "funnel", new FunnelQuestion(null) },
        { "show me the funnel for Software", new FunnelQuestion("Software") },
        { "funnel for mine", new FunnelQuestion(QuestionParser.MyAccounts) },
        { "", new EmptyQuestion() },
        { null, new EmptyQuestion() },
        { "<at>Abm</at>", new EmptyQuestion() },
        { "please?", new EmptyQuestion() },
        { "thanks!", new EmptyQuestion() },
        { "Thank you, tell me about Contoso", new SummaryQuestion("Contoso", false) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_Cases(string? text, Question expected)
    {
        Assert.Equal(expected, QuestionParser.Parse(text));
    }

    [Theory]
    [InlineData("top 0 hot accounts", "Cannot list 0 accounts: the count must be a whole number from 1 to 50. Try \"top 10 hot accounts\".")]
    [InlineData("top 100000 accounts by fit in EMEA", "Cannot list 100000 accounts: the count must be a whole number from 1 to 50. Try \"top 50 accounts by fit in EMEA\".")]
    [InlineData("top 1,000 accounts", "Cannot list 1,000 accounts: the count must be a whole number from 1 to 50. Try \"top 50 accounts\".")]
    [InlineData("top 99999999999999999999 accounts", "Cannot list 99999999999999999999 accounts: the count must be a whole number from 1 to 50. Try \"top 50 accounts\".")]
    [InlineData("top -5 accounts", "Cannot list -5 accounts: the count must be a whole number from 1 to 50. Try \"top 10 accounts\".")]
    [InlineData("my top ten accounts", "Cannot list \"ten\" accounts: the count must be a whole number from 1 to 50. Try \"my top 10 accounts\".")]
    [InlineData("top 2.5 accounts", "Cannot list \"2.5\" accounts: the count must be a whole number from 1 to 50. Try \"top 10 accounts\".")]
    public void Parse_CountOutOfRange(string text, string expected)
    {
        var question = Assert.IsType<InvalidQuestion>(QuestionParser.Parse(text));

        Assert.Equal(expected, question.Problem);
    }

    [Theory]
    [InlineData("top events", "top events Quillmere Analytics")]
    [InlineData("latest activity for", "top events Quillmere Analytics")]
    [InlineData("why is  hot", "why is Quillmere Analytics hot")]
    [InlineData("why is so cold?", "why is Quillmere Analytics hot")]
    [InlineData("why", "why is Quillmere Analytics hot")]
    public void MissingAccount_AsksForName(string text, string example)
    {
        var question = Assert.IsType<InvalidQuestion>(QuestionParser.Parse(text));

        Assert.StartsWith("Which account?", question.Problem, StringComparison.Ordinal);
        Assert.Contains($"\"{example}\"", question.Problem, StringComparison.Ordinal);
    }
}
