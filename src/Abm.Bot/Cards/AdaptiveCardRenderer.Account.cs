using Abm.Core.Answers;
using Abm.Core.Domain;
using Abm.Core.Scoring;

namespace Abm.Bot.Cards;

// The account summary and the explanation cards.
public static partial class AdaptiveCardRenderer
{
    /// <summary>How many top events the "why" card lists; the top-events card lists them all.</summary>
    public const int WhyTopEvents = 5;

    private static AdaptiveCard RenderSummary(AccountSummaryReply reply)
    {
        var account = reply.Account;
        var engagement = account.Engagement;
        var card = CardBlocks.Card(
            CardBlocks.PlainHeading(account.Name, "accountName"),
            Firmographics(account),
            ScoreColumns(account, includePipeline: true));

        var facts = new FactSet
        {
            Id = "facts",
            Facts =
            {
                new Fact("Owner", account.OwnerName is null ? "Unassigned" : CardText.Escape(account.OwnerName)),
                new Fact("Target account", account.IsTarget ? "Yes" : "No"),
                new Fact("Open opportunities", CardFormat.Count(account.OpenOpportunities)),
                new Fact("Closed won", CardFormat.Usd(account.WonUsd)),
                new Fact("Buying group", BuyingGroup(engagement)),
                new Fact("Last activity", engagement.LastActivityAt is { } last ? CardFormat.Date(last) : "None"),
            },
        };
        card.Body.Add(facts);
        AddExclusion(card.Body, account.Fit);

        card.Body.Add(CardBlocks.Section("Latest touches"));
        if (account.LatestTouches.Count == 0)
        {
            card.Body.Add(CardBlocks.Subtle("No touches recorded yet."));
        }
        else
        {
            card.Body.Add(TouchTable(account.LatestTouches));
            AddOmittedNote(card.Body, account.LatestTouches.Count, "touches");
        }

        AddActions(card, reply);
        return card;
    }

    private static AdaptiveCard RenderExplanation(AccountExplanationReply reply)
    {
        var account = reply.Account;
        var engagement = account.Engagement;
        var band = CardFormat.Band(engagement.Band);
        var title = reply.Kind == ExplanationKind.Why
            ? CardBlocks.Runs(
                new TextRun("Why "),
                Bold(CardBlocks.Run(account.Name)),
                new TextRun($" is {band.ToLowerInvariant()}"))
            : CardBlocks.Runs(new TextRun("Top events for "), Bold(CardBlocks.Run(account.Name)));
        foreach (var run in title.Inlines)
        {
            run.Size = TextSize.Large;
        }

        title.Id = "title";
        var card = CardBlocks.Card(title, ScoreColumns(account, includePipeline: false));

        if (reply.Kind == ExplanationKind.Why)
        {
            AddReasons(card.Body, reply.Reasons);
            AddFunctionScores(card.Body, engagement);
            AddTopEvents(card.Body, engagement.TopEvents, WhyTopEvents);
            AddFitContributions(card.Body, account.Fit);
        }
        else
        {
            // The reasons of a top-events reply are the same events in words, for text channels,
            // so the table shows them once.
            AddTopEvents(card.Body, engagement.TopEvents, MaxRows);
            AddFunctionScores(card.Body, engagement);
        }

        AddActions(card, reply);
        return card;
    }

    /// <summary>Creates the line under the name: domain, industry, size, revenue and place, whichever are known.</summary>
    private static RichTextBlock Firmographics(AccountSummary account)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(account.Domain))
        {
            parts.Add(CardText.Clean(account.Domain, 100));
        }

        if (!string.IsNullOrWhiteSpace(account.Industry))
        {
            parts.Add(CardText.Clean(account.Industry, 100));
        }

        if (account.Employees is { } employees)
        {
            parts.Add($"{CardFormat.Count(employees)} employees");
        }

        if (account.AnnualRevenueUsd is { } revenue)
        {
            parts.Add($"{CardFormat.Usd(revenue)} revenue");
        }

        var place = string.Join(", ", new[] { account.Region, account.Country }
            .Where(part => !string.IsNullOrWhiteSpace(part))
            .Select(part => CardText.Clean(part, 100)));
        if (place.Length > 0)
        {
            parts.Add(place);
        }

        var line = CardBlocks.Runs(new TextRun(parts.Count == 0 ? "No firmographics recorded" : string.Join(" · ", parts)) { IsSubtle = true });
        line.Id = "firmographics";
        line.Spacing = Spacing.None;
        return line;
    }

    private static ColumnSet ScoreColumns(AccountSummary account, bool includePipeline)
    {
        var engagement = account.Engagement;
        var bandColor = CardFormat.BandColor(engagement.Band);
        var columns = new ColumnSet
        {
            Id = "scores",
            Columns =
            {
                CardBlocks.Metric(
                    "AES",
                    CardFormat.Score(engagement.Score),
                    "aesValue",
                    bandColor,
                    $"{CardFormat.Band(engagement.Band)} · {CardFormat.Change(engagement.Change7Days)} in 7 days",
                    "aesBand"),
                CardBlocks.Metric(
                    "Fit",
                    CardFormat.Score(account.Fit.Score),
                    "fitValue",
                    CardFormat.TierColor(account.Fit.Tier),
                    CardFormat.Tier(account.Fit.Tier),
                    "fitTier"),
                CardBlocks.Metric("Stage", CardFormat.Stage(account.Stage), "stage", valueSize: TextSize.Medium),
            },
        };
        if (includePipeline)
        {
            columns.Columns.Add(CardBlocks.Metric("Open pipeline", CardFormat.Usd(account.OpenPipelineUsd), "openPipeline"));
        }

        return columns;
    }

    private static string BuyingGroup(EngagementResult engagement) =>
        $"{CardFormat.Count(engagement.EngagedContacts)} engaged {(engagement.EngagedContacts == 1 ? "contact" : "contacts")}, "
        + $"{CardFormat.Count(engagement.EngagedPersonas)} {(engagement.EngagedPersonas == 1 ? "buying role" : "buying roles")}";

    private static void AddExclusion(IList<CardElement> body, FitResult fit)
    {
        if (fit.Exclusion is not null)
        {
            body.Add(new TextBlock("Excluded from the ICP: " + CardText.Escape(fit.Exclusion))
            {
                Id = "fitExclusion",
                Color = TextColor.Attention,
                Wrap = true,
            });
        }
    }

    private static Table TouchTable(IReadOnlyList<Touch> touches) => CardBlocks.Table(
        [("Date", 2), ("Touch", 4), ("Function", 2), ("Contact", 3)],
        touches.Take(MaxRows).Select(touch => (IReadOnlyList<TableCell>)
        [
            CardBlocks.TextCell(CardFormat.Date(touch.OccurredAt)),
            EventCell(touch.Type, touch.Detail),
            CardBlocks.TextCell(CardFormat.Function(touch.Function)),
            CardBlocks.PlainCell(touch.ContactName ?? "—"),
        ]));

    private static TableCell EventCell(string type, string? detail)
    {
        // Event types are identifiers such as "demo_request"; show them as words, as the text reply does.
        var cell = CardBlocks.PlainCell(type.Replace('_', ' '));
        if (!string.IsNullOrWhiteSpace(detail))
        {
            var detailBlock = CardBlocks.Runs(new TextRun(CardText.Clean(detail)) { IsSubtle = true });
            detailBlock.Spacing = Spacing.None;
            cell.Items.Add(detailBlock);
        }

        return cell;
    }

    private static void AddReasons(IList<CardElement> body, IReadOnlyList<string> reasons)
    {
        body.Add(CardBlocks.Section("Reasons"));
        if (reasons.Count == 0)
        {
            body.Add(CardBlocks.Subtle("No reasons recorded."));
            return;
        }

        foreach (var reason in reasons.Take(MaxRows))
        {
            var line = CardBlocks.Runs(CardBlocks.Run("• " + CardText.Clean(reason)));
            line.Spacing = Spacing.Small;
            body.Add(line);
        }

        AddOmittedNote(body, reasons.Count, "reasons");
    }

    private static void AddFunctionScores(IList<CardElement> body, EngagementResult engagement)
    {
        body.Add(CardBlocks.Section("Engagement by function"));
        var rows = Enum.GetValues<BusinessFunction>().Select(function => (IReadOnlyList<TableCell>)
        [
            CardBlocks.TextCell(CardFormat.Function(function)),
            CardBlocks.TextCell(CardFormat.Points(engagement.ByFunction.GetValueOrDefault(function))),
        ]);
        var table = CardBlocks.Table([("Function", 3), ("Points", 2)], rows);
        table.Id = "byFunction";
        body.Add(table);
        body.Add(CardBlocks.Subtle(
            $"Buying group: {BuyingGroup(engagement)}. Total decayed points: {CardFormat.Points(engagement.RawPoints)}."));
    }

    private static void AddTopEvents(IList<CardElement> body, IReadOnlyList<EventContribution> events, int limit)
    {
        body.Add(CardBlocks.Section("Top events"));
        if (events.Count == 0)
        {
            body.Add(CardBlocks.Subtle("No events count towards the AES."));
            return;
        }

        var table = CardBlocks.Table(
            [("Date", 2), ("Event", 4), ("Function", 2), ("Contact", 3), ("Points", 2)],
            events.Take(limit).Select(contribution => (IReadOnlyList<TableCell>)
            [
                CardBlocks.TextCell(CardFormat.Date(contribution.OccurredAt)),
                EventCell(contribution.Type, contribution.Detail),
                CardBlocks.TextCell(CardFormat.Function(contribution.Function)),
                CardBlocks.PlainCell(contribution.ContactName ?? "—"),
                CardBlocks.TextCell(CardFormat.Points(contribution.Points)),
            ]));
        table.Id = "topEvents";
        body.Add(table);
        if (events.Count > limit)
        {
            body.Add(CardBlocks.Subtle($"Showing the top {limit} of {CardFormat.Count(events.Count)} events."));
        }
    }

    private static void AddFitContributions(IList<CardElement> body, FitResult fit)
    {
        body.Add(CardBlocks.Section($"Fit {CardFormat.Score(fit.Score)} · {CardFormat.Tier(fit.Tier)}"));
        AddExclusion(body, fit);
        if (fit.Contributions.Count == 0)
        {
            body.Add(CardBlocks.Subtle("No fit criteria are configured."));
            return;
        }

        var table = CardBlocks.Table(
            [("Criterion", 3), ("Points", 2), ("Reason", 6)],
            fit.Contributions.Take(MaxRows).Select(contribution => (IReadOnlyList<TableCell>)
            [
                CardBlocks.PlainCell(contribution.Criterion),
                CardBlocks.TextCell($"{CardFormat.Points(contribution.Points)} / {CardFormat.Points(contribution.MaxPoints)}"),
                CardBlocks.PlainCell(contribution.Reason),
            ]));
        table.Id = "fitContributions";
        body.Add(table);
        AddOmittedNote(body, fit.Contributions.Count, "criteria");
    }

    private static TextRun Bold(TextRun run)
    {
        run.Weight = TextWeight.Bolder;
        return run;
    }
}
