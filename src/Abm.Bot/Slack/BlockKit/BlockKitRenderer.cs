using System.Globalization;
using Abm.Core.Answers;
using static Abm.Bot.Slack.BlockKit.SlackFormat;

namespace Abm.Bot.Slack.BlockKit;

/// <summary>
/// Renders every channel-neutral <see cref="Reply"/> as a Block Kit message. Data is escaped and
/// shortened here; <see cref="MessageComposer"/> keeps the whole message inside Slack's limits.
/// </summary>
public static class BlockKitRenderer
{
    /// <summary>Most "did you mean" suggestions offered as buttons.</summary>
    private const int SuggestionButtons = 5;

    public static SlackMessage Render(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var composer = new MessageComposer();
        if (reply.Correction is { } correction)
        {
            composer.Context(Detail(correction.Text));
        }

        var fallback = reply switch
        {
            AccountSummaryReply summary => RenderSummary(composer, summary),
            AccountExplanationReply explanation => RenderExplanation(composer, explanation),
            TopAccountsReply top => RenderTopAccounts(composer, top),
            ChangesReply changes => RenderChanges(composer, changes),
            FunnelReply funnel => RenderFunnel(composer, funnel),
            HelpReply help => RenderHelp(composer, help),
            AccountNotFoundReply notFound => RenderNotFound(composer, notFound),
            TextReply text => RenderText(composer, text.Text),

            // A reply type added to the core after this renderer shows as its plain text until it gets a layout here.
            _ => RenderText(composer, ReplyText.Format(reply with { Correction = null })),
        };

        foreach (var action in reply.Actions)
        {
            composer.Button(action);
        }

        return composer.Build(reply.Correction is { } corrected ? Detail(corrected.Text) + " " + fallback : fallback);
    }

    private static string RenderSummary(MessageComposer composer, AccountSummaryReply reply)
    {
        var account = reply.Account;
        composer.Header(account.Name);
        composer.Fields(SummaryFields(account));

        var context = new List<string>();
        if (!string.IsNullOrWhiteSpace(account.Domain))
        {
            context.Add(SlackText.EscapeAndShorten(account.Domain, 200));
        }

        context.Add(account.IsTarget ? "On the target account list" : "Not on the target account list");
        context.Add(string.Create(CultureInfo.InvariantCulture,
            $"{account.Engagement.EngagedContacts} engaged contacts across {account.Engagement.EngagedPersonas} personas"));
        if (account.Fit.Exclusion is not null)
        {
            context.Add("Excluded from the ICP: " + Detail(account.Fit.Exclusion));
        }

        composer.Context(string.Join(" · ", context));

        var touches = account.LatestTouches
            .Select(t => $"• {Date(t.OccurredAt)} · {SlackText.EscapeAndShorten(t.Type, 100)} ({Function(t.Function)})" +
                (t.ContactName is null ? string.Empty : " · " + Name(t.ContactName)) +
                (string.IsNullOrWhiteSpace(t.Detail) ? string.Empty : " — " + Detail(t.Detail)))
            .ToList();
        composer.Lines("Latest touches", touches, "No touches recorded yet.");

        return $"{Name(account.Name)}: AES {Score(account.Engagement.Score)} ({Band(account.Engagement.Band)}), " +
            $"fit {Score(account.Fit.Score)} ({Tier(account.Fit.Tier)}), {Stage(account.Stage)}";
    }

    private static IEnumerable<string> SummaryFields(AccountSummary account)
    {
        var engagement = account.Engagement;
        yield return $"*AES*\n{Score(engagement.Score)} · {Band(engagement.Band)} ({Change(engagement.Change7Days)} in 7 days)";
        yield return $"*Fit*\n{Score(account.Fit.Score)} · {Tier(account.Fit.Tier)}";
        yield return $"*Stage*\n{Stage(account.Stage)}";
        yield return string.Create(CultureInfo.InvariantCulture,
            $"*Open pipeline*\n{Money(account.OpenPipelineUsd)} in {account.OpenOpportunities} opportunities");
        yield return $"*Owner*\n{Name(account.OwnerName)}";
        yield return $"*Industry*\n{Name(account.Industry)}";
        var place = string.Join(", ", new[] { account.Region, account.Country }.Where(p => !string.IsNullOrWhiteSpace(p)));
        yield return $"*Region*\n{Name(place)}";
        yield return $"*Employees*\n{Count(account.Employees)}";
        yield return $"*Annual revenue*\n{Money(account.AnnualRevenueUsd)}";
        yield return $"*Won*\n{Money(account.WonUsd)}";
    }

    private static string RenderExplanation(MessageComposer composer, AccountExplanationReply reply)
    {
        var account = reply.Account;
        var engagement = account.Engagement;
        var reasons = reply.Reasons.Select(r => "• " + Detail(r)).ToList();
        if (reply.Kind == ExplanationKind.TopEvents)
        {
            composer.Header("Top events for ", account.Name, string.Empty);
            composer.Fields(
            [
                $"*AES*\n{Score(engagement.Score)} · {Band(engagement.Band)}",
                $"*Change in 7 days*\n{Change(engagement.Change7Days)}",
            ]);
            var events = engagement.TopEvents
                .Select(e => string.Create(CultureInfo.InvariantCulture, $"• *+{Score(e.Points)}* · {Date(e.OccurredAt)} · ") +
                    $"{SlackText.EscapeAndShorten(e.Type, 100)} ({Function(e.Function)})" +
                    (e.ContactName is null ? string.Empty : " · " + Name(e.ContactName)) +
                    (string.IsNullOrWhiteSpace(e.Detail) ? string.Empty : " — " + Detail(e.Detail)))
                .ToList();
            // The reasons repeat these events in words for text channels, so they are left out here.
            composer.Lines("Events with the most points after decay", events, "No events count towards the AES.");

            return $"Top events for {Name(account.Name)}: AES {Score(engagement.Score)} ({Band(engagement.Band)})";
        }

        composer.Header("Why ", account.Name, $" is {Band(engagement.Band)}");
        composer.Fields(
        [
            $"*AES*\n{Score(engagement.Score)} · {Band(engagement.Band)} ({Change(engagement.Change7Days)} in 7 days)",
            $"*Fit*\n{Score(account.Fit.Score)} · {Tier(account.Fit.Tier)}",
            string.Create(CultureInfo.InvariantCulture,
                $"*Buying group*\n{engagement.EngagedContacts} contacts, {engagement.EngagedPersonas} personas"),
            $"*Last activity*\n{(engagement.LastActivityAt is { } last ? Date(last) : "none")}",
        ]);
        composer.Lines("Reasons", reasons, "No reasons recorded.");
        return $"Why {Name(account.Name)} is {Band(engagement.Band)}: AES {Score(engagement.Score)}";
    }

    private static string RenderTopAccounts(MessageComposer composer, TopAccountsReply reply)
    {
        var filter = string.IsNullOrWhiteSpace(reply.Filter) ? string.Empty : " " + reply.Filter.Trim();
        composer.Header($"Top accounts by {reply.SortedBy}", filter, string.Empty);
        var rows = reply.Rows
            .Select((row, index) => string.Create(CultureInfo.InvariantCulture, $"{index + 1}. ") +
                $"*{Name(row.Name)}* · AES {Score(row.Aes)} {Band(row.Band)} ({Change(row.AesChange7Days)}) · " +
                $"fit {Score(row.Fit)} {Tier(row.Tier)} · {Stage(row.Stage)} · {Name(row.OwnerName)}")
            .ToList();
        composer.Lines(null, rows, "No accounts match.");
        return string.Create(CultureInfo.InvariantCulture, $"Top {reply.Rows.Count} accounts by {SlackText.Escape(reply.SortedBy)}") +
            SlackText.EscapeAndShorten(filter, 200);
    }

    private static string RenderChanges(MessageComposer composer, ChangesReply reply)
    {
        composer.Header($"What changed from {Date(reply.From)} to {Date(reply.To)}");
        composer.Lines("Risers", reply.Risers.Select(ChangeLine).ToList(), "No account rose.");
        composer.Lines("Fallers", reply.Fallers.Select(ChangeLine).ToList(), "No account fell.");
        composer.Lines("Band changes", reply.BandChanges.Select(ChangeLine).ToList(), "No band changed.");
        return string.Create(CultureInfo.InvariantCulture,
            $"What changed from {Date(reply.From)} to {Date(reply.To)}: {reply.Risers.Count} risers, {reply.Fallers.Count} fallers, {reply.BandChanges.Count} band changes");
    }

    private static string ChangeLine(AccountChange change) =>
        $"• *{Name(change.Name)}* {Score(change.AesBefore)} → {Score(change.AesNow)} ({Change(change.AesNow - change.AesBefore)})" +
        (change.BandBefore == change.BandNow ? string.Empty : $", {Band(change.BandBefore)} → {Band(change.BandNow)}");

    private static string RenderFunnel(MessageComposer composer, FunnelReply reply)
    {
        var filter = string.IsNullOrWhiteSpace(reply.Filter) ? string.Empty : " for " + reply.Filter.Trim();
        composer.Header("Funnel", filter, string.Empty);
        var lines = reply.Stages
            .Select(stage => string.Create(CultureInfo.InvariantCulture, $"*{Stage(stage.Stage)}*: {Count(stage.Count)} accounts") +
                (stage.ConversionFromPrevious is { } share ? $" · {Percent(share)} from the stage before" : string.Empty) +
                (stage.ValueUsd is { } value ? " · " + SlackText.EscapeAndShorten(ReplyText.FunnelValueText(stage.Stage, value), 100) : string.Empty))
            .ToList();
        composer.Lines(null, lines, "No accounts in the funnel.");
        foreach (var note in ReplyText.FunnelNotes)
        {
            composer.Context(SlackText.EscapeAndShorten(note, 300));
        }

        return "Funnel" + SlackText.EscapeAndShorten(filter, 200) + ": " +
            string.Join(", ", reply.Stages.Select(s => string.Create(CultureInfo.InvariantCulture, $"{Stage(s.Stage)} {s.Count}")));
    }

    private static string RenderHelp(MessageComposer composer, HelpReply reply)
    {
        composer.Header("What you can ask Abm");
        var lines = reply.Commands
            .Select(c => $"• `{SlackText.EscapeAndShorten(c.Example, 200)}` — {Detail(c.Description)}")
            .ToList();
        composer.Lines(null, lines, $"Ask about an account by name, such as “tell me about {HelpCommands.AccountPlaceholder}”.");
        return "What you can ask Abm";
    }

    private static string RenderNotFound(MessageComposer composer, AccountNotFoundReply reply)
    {
        var query = Name(reply.Query);
        var suggestions = reply.Suggestions.Select(s => "• " + Name(s.Name)).ToList();
        composer.Lines($"No account matches “{query}”.", suggestions, "No similar names either. Check the spelling or ask for the top accounts.");
        foreach (var suggestion in reply.Suggestions.Take(SuggestionButtons))
        {
            composer.Button(ReplyVerbs.ForAccount(ReplyVerbs.Summary, suggestion.Name, suggestion.Id));
        }

        return reply.Suggestions.Count == 0
            ? $"No account matches “{query}”."
            : $"No account matches “{query}”. Did you mean {Name(reply.Suggestions[0].Name)}?";
    }

    private static string RenderText(MessageComposer composer, string text)
    {
        var lines = SlackText.Escape(text).ReplaceLineEndings("\n").Split('\n');
        composer.Lines(null, lines, "(empty answer)");
        return SlackText.EscapeAndShorten(text, BlockKitLimits.SectionText);
    }
}
