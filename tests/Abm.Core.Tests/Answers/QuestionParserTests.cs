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
        { "top 500 accounts", new TopAccountsQuestion(50, false, null) },
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
}
