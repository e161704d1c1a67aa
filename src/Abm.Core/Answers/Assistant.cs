using Abm.Core.Domain;
using Abm.Core.Scoring;
using Microsoft.Extensions.Logging;

namespace Abm.Core.Answers;

/// <summary>
/// Answers chat questions and card actions deterministically, from the database and the
/// scoring core, as of the instant the injected <see cref="TimeProvider"/> reports.
/// </summary>
public sealed class Assistant(AccountRepository repository, PortfolioCache portfolio, AccountAnalyzer analyzer, TimeProvider timeProvider, ILogger<Assistant> logger) : IAssistant
{
    /// <summary>How many risers and fallers "what changed this week" lists.</summary>
    public const int ChangeListCount = 5;

    public async Task<Reply> AskAsync(string question, Asker asker, CancellationToken cancellationToken)
    {
        var parsed = QuestionParser.Parse(question);
        Log.AnsweringQuestion(logger, parsed.GetType().Name, asker.Channel);

        return parsed switch
        {
            HelpQuestion => HelpCommands.Reply(await portfolio.FindExampleAccountAsync(timeProvider.GetUtcNow(), cancellationToken)),
            SummaryQuestion summary => await AnswerAboutAccountAsync(summary.Account, ReplyVerbs.Summary, null, summary.IsBareName, cancellationToken),
            WhyQuestion why => await AnswerAboutAccountAsync(why.Account, ReplyVerbs.Why, why.AskedBand, false, cancellationToken),
            TopEventsQuestion events => await AnswerAboutAccountAsync(events.Account, ReplyVerbs.TopEvents, null, false, cancellationToken),
            TopAccountsQuestion top => await AnswerTopAccountsAsync(top, asker, cancellationToken),
            ChangesQuestion => await AnswerChangesAsync(cancellationToken),
            FunnelQuestion funnel => await AnswerFunnelAsync(funnel, asker, cancellationToken),
            InvalidQuestion invalid => new TextReply(invalid.Problem),
            _ => new TextReply($"Ask me about an account, such as \"tell me about {HelpCommands.AccountPlaceholder}\", or type \"help\" to see what I can answer."),
        };
    }

    public async Task<Reply> ExecuteAsync(string verb, IReadOnlyDictionary<string, string> data, Asker asker, CancellationToken cancellationToken)
    {
        if (verb is not (ReplyVerbs.Summary or ReplyVerbs.Why or ReplyVerbs.TopEvents))
        {
            // TODO: list every card verb (target-list, playbook and alert verbs too) from one registry, not only the three handled here.
            Log.UnknownActionVerb(logger, verb);
            return new TextReply($"Unknown action \"{verb}\". Abm handles {ReplyVerbs.Summary}, {ReplyVerbs.Why} and {ReplyVerbs.TopEvents}; ask in chat instead, such as \"tell me about <account>\".");
        }

        if (!data.TryGetValue(ReplyVerbs.AccountIdKey, out var accountId) || string.IsNullOrWhiteSpace(accountId))
        {
            return new TextReply($"The action \"{verb}\" carries no {ReplyVerbs.AccountIdKey}. Ask in chat instead, such as \"tell me about <account>\".");
        }

        var reply = await AnswerForAccountIdAsync(accountId, verb, null, cancellationToken);
        if (reply is null)
        {
            Log.UnknownActionAccount(logger, verb, accountId);
            return new TextReply($"No account has the id \"{accountId}\"; it may have been removed or re-imported. Ask \"tell me about <account name>\" to find it again.");
        }

        return reply;
    }

    /// <summary>Builds one account's summary as of now, or returns null when no account has the id.</summary>
    public async Task<AccountSummary?> GetSummaryAsync(string accountId, CancellationToken cancellationToken)
    {
        var data = await repository.LoadAccountAsync(accountId, cancellationToken);
        if (data is null)
        {
            return null;
        }

        var asOf = timeProvider.GetUtcNow();
        return analyzer.Summarize(analyzer.Analyze(data, asOf)[0], data, asOf);
    }

    private async Task<Reply> AnswerAboutAccountAsync(string typedName, string verb, EngagementBand? askedBand, bool isBareName, CancellationToken cancellationToken)
    {
        var names = await repository.LoadNamesAsync(cancellationToken);
        var match = AccountMatcher.Match(typedName, names);
        if (match.Account is { } account)
        {
            var reply = await AnswerForAccountIdAsync(account.Id, verb, askedBand, cancellationToken)
                ?? new TextReply($"The account \"{account.Name}\" was removed while I looked it up. Ask again.");
            return reply with { Correction = match.Correction };
        }

        Log.AccountNotMatched(logger, verb, match.Suggestions.Count);
        if (isBareName && match.Suggestions.Count == 0)
        {
            return new TextReply($"I did not understand \"{QuestionLength.Excerpt(typedName)}\", and no account has that name. Type \"help\" to see what I can answer.");
        }

        return new AccountNotFoundReply(QuestionLength.Excerpt(typedName), match.Suggestions)
        {
            Actions = match.Suggestions.Select(s => ReplyVerbs.ForAccount(verb, s.Name, s.Id)).ToList(),
        };
    }

    private async Task<Reply?> AnswerForAccountIdAsync(string accountId, string verb, EngagementBand? askedBand, CancellationToken cancellationToken)
    {
        var summary = await GetSummaryAsync(accountId, cancellationToken);
        if (summary is null)
        {
            return null;
        }

        var backToSummary = ReplyVerbs.ForAccount(ReplyVerbs.Summary, "Back to summary", summary.Id);
        var why = ReplyVerbs.ForAccount(ReplyVerbs.Why, "Why?", summary.Id);
        var topEvents = ReplyVerbs.ForAccount(ReplyVerbs.TopEvents, "Top events", summary.Id);
        return verb switch
        {
            ReplyVerbs.Why => new AccountExplanationReply(summary, ExplanationKind.Why, Explanations.Why(summary, askedBand, analyzer.Model.Options))
            {
                Actions = [backToSummary, topEvents],
            },
            ReplyVerbs.TopEvents => new AccountExplanationReply(summary, ExplanationKind.TopEvents, Explanations.TopEvents(summary))
            {
                Actions = [backToSummary, why],
            },
            _ => new AccountSummaryReply(summary) { Actions = [why, topEvents] },
        };
    }

    private async Task<Reply> AnswerTopAccountsAsync(TopAccountsQuestion question, Asker asker, CancellationToken cancellationToken)
    {
        var (data, snapshots) = await AnalyzeAllAsync(cancellationToken);
        var filtered = ApplyFilter(question.Filter, data, snapshots, asker, out var filter, out var error);
        if (error is not null)
        {
            return new TextReply(error);
        }

        var ranked = question.ByFit
            ? filtered.OrderByDescending(s => s.Fit.Score).ThenByDescending(s => s.Engagement.Score)
            : filtered.OrderByDescending(s => s.Engagement.Score).ThenByDescending(s => s.Fit.Score);
        var rows = ranked.ThenBy(s => s.Account.Name, StringComparer.OrdinalIgnoreCase)
            .Take(question.Count)
            .Select(s => s.ToRow())
            .ToList();
        return new TopAccountsReply(question.ByFit ? "fit" : "AES", filter?.Description, rows);
    }

    private async Task<Reply> AnswerChangesAsync(CancellationToken cancellationToken)
    {
        var (_, snapshots) = await AnalyzeAllAsync(cancellationToken);
        var model = analyzer.Model;
        var changes = snapshots
            .Select(s => new AccountChange(s.Account.Id, s.Account.Name, s.Engagement.ScoreSevenDaysAgo, s.Engagement.Score, model.BandOf(s.Engagement.ScoreSevenDaysAgo), s.Engagement.Band))
            .ToList();

        // Scores carry one decimal, so a change under 0.05 is no change.
        var risers = changes.Where(c => c.AesNow - c.AesBefore >= 0.05)
            .OrderByDescending(c => c.AesNow - c.AesBefore).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .Take(ChangeListCount).ToList();
        var fallers = changes.Where(c => c.AesBefore - c.AesNow >= 0.05)
            .OrderByDescending(c => c.AesBefore - c.AesNow).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .Take(ChangeListCount).ToList();
        var bandChanges = changes.Where(c => c.BandBefore != c.BandNow)
            .OrderByDescending(c => Math.Abs(c.AesNow - c.AesBefore)).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

        var now = timeProvider.GetUtcNow();
        return new ChangesReply(now.AddDays(-7), now, risers, fallers, bandChanges);
    }

    private async Task<Reply> AnswerFunnelAsync(FunnelQuestion question, Asker asker, CancellationToken cancellationToken)
    {
        var (data, snapshots) = await AnalyzeAllAsync(cancellationToken);
        var filtered = ApplyFilter(question.Filter, data, snapshots, asker, out var filter, out var error);
        if (error is not null)
        {
            return new TextReply(error);
        }

        return new FunnelReply(filter?.Description, Funnel.Count(filtered.Select(s => s.ToFunnelAccount())));
    }

    private async Task<(PortfolioData Data, IReadOnlyList<AccountSnapshot> Snapshots)> AnalyzeAllAsync(CancellationToken cancellationToken)
    {
        var asOf = timeProvider.GetUtcNow();
        var scores = await portfolio.ScoreAsync(asOf, cancellationToken);
        Log.PortfolioScored(logger, scores.Data.Accounts.Count, scores.EventCount, asOf);
        return (scores.Data, scores.Snapshots);
    }

    private static IEnumerable<AccountSnapshot> ApplyFilter(
        string? filterText,
        PortfolioData data,
        IReadOnlyList<AccountSnapshot> snapshots,
        Asker asker,
        out AccountFilter? filter,
        out string? error)
    {
        (filter, error) = (null, null);
        if (filterText is null)
        {
            return snapshots;
        }

        var resolution = AccountFilter.Resolve(filterText, data, asker.PersonId);
        (filter, error) = (resolution.Filter, resolution.Error);
        var resolved = resolution.Filter;
        return resolved is null ? [] : snapshots.Where(resolved.Matches);
    }
}
