using System.Collections.Concurrent;
using Abm.Core.Answers;
using Abm.Core.Domain;
using Abm.Core.Scoring;

namespace Abm.Bot.Tests.Slack;

/// <summary>
/// Stands in for the core assistant, which these tests do not check: it records what the Slack
/// adapter passes in and returns fixed replies ("tell me about X" gets an account card,
/// "closest match to X" an account card for a misspelled name, "fail" throws, anything else is echoed).
/// </summary>
internal sealed class FakeAssistant : IAssistant
{
    public ConcurrentQueue<(string Question, Asker Asker)> Questions { get; } = new();

    public ConcurrentQueue<(string Verb, IReadOnlyDictionary<string, string> Data, Asker Asker)> Executions { get; } = new();

    public Task<Reply> AskAsync(string question, Asker asker, CancellationToken cancellationToken)
    {
        Questions.Enqueue((question, asker));
        if (question == "fail")
        {
            throw new InvalidOperationException("The assistant failed on purpose.");
        }

        const string about = "tell me about ";
        const string closest = "closest match to ";
        Reply reply = question.StartsWith(about, StringComparison.Ordinal)
            ? SampleReplies.Summary(question[about.Length..])
            : new TextReply("You asked: " + question);
        if (question.StartsWith(closest, StringComparison.Ordinal))
        {
            reply = SampleReplies.Summary("Quillmere Analytics") with { Correction = new NameCorrection(question[closest.Length..], "Quillmere Analytics") };
        }

        return Task.FromResult(reply);
    }

    public Task<Reply> ExecuteAsync(string verb, IReadOnlyDictionary<string, string> data, Asker asker, CancellationToken cancellationToken)
    {
        Executions.Enqueue((verb, data, asker));
        var kind = verb == ReplyVerbs.TopEvents ? ExplanationKind.TopEvents : ExplanationKind.Why;
        Reply reply = new AccountExplanationReply(SampleReplies.Summary(data[ReplyVerbs.AccountIdKey]).Account, kind, ["3 people from the buying group engaged this week"]);
        return Task.FromResult(reply);
    }
}

/// <summary>Replies with made-up but complete data, for rendering tests.</summary>
internal static class SampleReplies
{
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public static AccountSummaryReply Summary(string name, string id = "acct-1", int touches = 3, string? detail = "Pricing page") =>
        new(Account(name, id, touches, detail))
        {
            Actions =
            [
                ReplyVerbs.ForAccount(ReplyVerbs.Why, "Why?", id),
                ReplyVerbs.ForAccount(ReplyVerbs.TopEvents, "Top events", id),
            ],
        };

    public static AccountSummary Account(string name, string id = "acct-1", int touches = 3, string? detail = "Pricing page")
    {
        var events = Enumerable.Range(0, touches)
            .Select(i => new EventContribution(i, "web_visit", BusinessFunction.Marketing, Now.AddDays(-i), name + " contact", detail, 10.5 - i))
            .ToList();
        var engagement = new EngagementResult(
            id, Now, 72.4, EngagementBand.Hot, 140, new Dictionary<BusinessFunction, double> { [BusinessFunction.Marketing] = 60 },
            4, 3, events, 60.1, Now.AddDays(-1));
        var fit = new FitResult(id, 81, FitTier.A, [new FitContribution("industry", 30, 30, "Software is a target industry")], null);
        return new AccountSummary(
            id, name, "example.com", name + " industry", 1200, 250_000_000m, "EMEA", "Germany", name + " owner", true, fit, engagement,
            FunnelStage.Pipeline, 120_000m, 2, 50_000m,
            [.. events.Select(e => new Touch(e.OccurredAt, e.Type, e.Function, e.ContactName, e.Detail))]);
    }
}
