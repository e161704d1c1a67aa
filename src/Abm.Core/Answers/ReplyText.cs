using System.Text;
using Abm.Core.Domain;
using Abm.Core.Scoring;

namespace Abm.Core.Answers;

/// <summary>
/// Renders every reply as plain text, for <c>abm ask</c> and as the fallback text of cards.
/// Numbers use the invariant culture; money reads like $1.2M.
/// </summary>
public static class ReplyText
{
    /// <summary>Formats a reply as text, led by its name correction when it has one.</summary>
    public static string Format(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var body = FormatBody(reply);
        return reply.Correction is { } correction ? correction.Text + Environment.NewLine + body : body;
    }

    private static string FormatBody(Reply reply) => reply switch
    {
        AccountSummaryReply summary => FormatSummary(summary.Account),
        AccountExplanationReply explanation => FormatExplanation(explanation),
        TopAccountsReply top => FormatTopAccounts(top),
        ChangesReply changes => FormatChanges(changes),
        FunnelReply funnel => FormatFunnel(funnel),
        HelpReply help => FormatHelp(help),
        AccountNotFoundReply notFound => FormatNotFound(notFound),
        TextReply text => text.Text,
        _ => $"(no text form for {reply.GetType().Name})",
    };

    /// <summary>Returns a funnel stage's name, such as "Sales Qualified Lead".</summary>
    public static string StageName(FunnelStage stage) => stage switch
    {
        FunnelStage.NotTargeted => "Not targeted",
        FunnelStage.SalesQualifiedLead => "Sales Qualified Lead",
        FunnelStage.SalesAcceptedOpportunity => "Sales Accepted Opportunity",
        FunnelStage.Pipeline => "Pipeline",
        FunnelStage.ClosedWon => "Closed Won",
        _ => stage.ToString(),
    };

    /// <summary>Returns "AES 72.4 hot (+5.6 in 7 days)".</summary>
    public static string AesText(double score, EngagementBand band, double change) =>
        $"AES {NumberText.Points(score)} {Explanations.BandName(band)} ({NumberText.Change(Math.Round(change, 1))} in 7 days)";

    /// <summary>Returns "Fit 82 (tier A)" or "Fit 10 (no tier)".</summary>
    public static string FitText(double score, FitTier tier) =>
        $"Fit {NumberText.Points(score)} ({TierText(tier)})";

    /// <summary>Returns "tier A" or "no tier".</summary>
    public static string TierText(FitTier tier) => tier == FitTier.None ? "no tier" : "tier " + tier;

    /// <summary>Returns an engagement band's name, such as "hot".</summary>
    public static string BandName(EngagementBand band) => Explanations.BandName(band);

    /// <summary>Returns what a funnel stage's money is, such as "$4.2M open at target accounts".</summary>
    public static string FunnelValueText(FunnelStage stage, decimal usd) => stage switch
    {
        FunnelStage.Pipeline => $"{NumberText.Money(usd)} open at target accounts",
        FunnelStage.Expansion => $"{NumberText.Money(usd)} won at Expansion accounts",
        _ => $"{NumberText.Money(usd)} won at target accounts",
    };

    /// <summary>Lines under every funnel reply, in every channel, that say what its counts and money include.</summary>
    public static readonly IReadOnlyList<string> FunnelNotes =
    [
        "Each stage counts approved target accounts at that stage or beyond it. Conversion is the share of the stage before.",
        "Open pipeline adds every open deal at target accounts, whatever the account's stage. Won adds every won deal at target accounts; Expansion's won is the part at accounts that bought again or have an open expansion deal.",
        "Accounts off the target list are not counted, and the abm score command lists them as Not targeted.",
    ];

    private static string FormatSummary(AccountSummary account)
    {
        var text = new StringBuilder();
        text.AppendLine(account.Domain is null ? account.Name : $"{account.Name} ({account.Domain})");

        var facts = new List<string>();
        AddIf(facts, account.Industry);
        AddIf(facts, account.Employees is { } employees ? $"{NumberText.Count(employees)} employees" : null);
        AddIf(facts, account.AnnualRevenueUsd is { } revenue ? $"{NumberText.Money(revenue)} revenue" : null);
        AddIf(facts, string.Join(", ", new[] { account.Region, account.Country }.Where(p => !string.IsNullOrEmpty(p))));
        if (facts.Count > 0)
        {
            text.AppendLine(string.Join(" · ", facts));
        }

        text.AppendLine($"Owner: {account.OwnerName ?? "none"} · Target list: {(account.IsTarget ? "approved" : "not on it")}");
        var engagement = account.Engagement;
        text.AppendLine($"{FitText(account.Fit.Score, account.Fit.Tier)} · {AesText(engagement.Score, engagement.Band, engagement.Change7Days)} · Stage: {StageName(account.Stage)}");
        text.AppendLine($"Open pipeline {NumberText.Money(account.OpenPipelineUsd)} in {account.OpenOpportunities} {(account.OpenOpportunities == 1 ? "opportunity" : "opportunities")} · Won {NumberText.Money(account.WonUsd)}");
        var lastActivity = engagement.LastActivityAt is { } last ? "last activity " + Explanations.Date(last) : "no activity recorded";
        text.AppendLine($"Engaged contacts: {engagement.EngagedContacts} · buying roles: {engagement.EngagedPersonas} · {lastActivity}");

        if (account.LatestTouches.Count > 0)
        {
            text.AppendLine("Latest touches:");
            foreach (var touch in account.LatestTouches)
            {
                text.AppendLine($"- {Explanations.Date(touch.OccurredAt)}: {Explanations.EventText(touch.Type, touch.ContactName, touch.Detail)} ({Explanations.FunctionName(touch.Function)})");
            }
        }

        return text.ToString().TrimEnd();
    }

    private static string FormatExplanation(AccountExplanationReply reply)
    {
        var account = reply.Account;
        var title = reply.Kind == ExplanationKind.Why
            ? $"Why {account.Name} is {Explanations.BandName(account.Engagement.Band)}"
            : $"Top events for {account.Name} (AES {NumberText.Points(account.Engagement.Score)})";
        return title + Environment.NewLine + string.Join(Environment.NewLine, reply.Reasons.Select(r => "- " + r));
    }

    private static string FormatTopAccounts(TopAccountsReply reply)
    {
        var title = $"Top {reply.Rows.Count} accounts by {reply.SortedBy}{(reply.Filter is null ? string.Empty : " " + reply.Filter)}";
        if (reply.Rows.Count == 0)
        {
            return $"No accounts{(reply.Filter is null ? string.Empty : " " + reply.Filter)}.";
        }

        var lines = reply.Rows.Select((row, i) =>
            $"{i + 1}. {row.Name}: {AesText(row.Aes, row.Band, row.AesChange7Days)}, {FitText(row.Fit, row.Tier)}, {StageName(row.Stage)}{(row.OwnerName is null ? string.Empty : ", owner " + row.OwnerName)}");
        return title + Environment.NewLine + string.Join(Environment.NewLine, lines);
    }

    private static string FormatChanges(ChangesReply reply)
    {
        var text = new StringBuilder();
        text.AppendLine($"Changes from {Explanations.Date(reply.From)} to {Explanations.Date(reply.To)}");
        AppendChanges(text, "Risers", reply.Risers, c => $"{c.Name}: AES {NumberText.Points(c.AesBefore)} → {NumberText.Points(c.AesNow)} ({NumberText.Change(Math.Round(c.AesNow - c.AesBefore, 1))})");
        AppendChanges(text, "Fallers", reply.Fallers, c => $"{c.Name}: AES {NumberText.Points(c.AesBefore)} → {NumberText.Points(c.AesNow)} ({NumberText.Change(Math.Round(c.AesNow - c.AesBefore, 1))})");
        AppendChanges(text, "Band changes", reply.BandChanges, c => $"{c.Name}: {Explanations.BandName(c.BandBefore)} → {Explanations.BandName(c.BandNow)}");
        return text.ToString().TrimEnd();
    }

    private static void AppendChanges(StringBuilder text, string heading, IReadOnlyList<AccountChange> changes, Func<AccountChange, string> line)
    {
        if (changes.Count == 0)
        {
            text.AppendLine($"{heading}: none");
            return;
        }

        text.AppendLine($"{heading}:");
        foreach (var change in changes)
        {
            text.AppendLine("- " + line(change));
        }
    }

    private static string FormatFunnel(FunnelReply reply)
    {
        var text = new StringBuilder();
        text.AppendLine(reply.Filter is null ? "Funnel" : $"Funnel {reply.Filter}");
        string? previous = null;
        foreach (var stage in reply.Stages)
        {
            var line = $"{StageName(stage.Stage)}: {NumberText.Count(stage.Count)}";
            if (stage.ConversionFromPrevious is { } conversion)
            {
                line += $" ({NumberText.Percent(conversion)} of {previous})";
            }

            if (stage.ValueUsd is { } value)
            {
                line += " · " + FunnelValueText(stage.Stage, value);
            }

            text.AppendLine(line);
            previous = StageName(stage.Stage);
        }

        foreach (var note in FunnelNotes)
        {
            text.AppendLine(note);
        }

        return text.ToString().TrimEnd();
    }

    private static string FormatHelp(HelpReply reply) =>
        "I can answer:" + Environment.NewLine
        + string.Join(Environment.NewLine, reply.Commands.Select(c => $"- \"{c.Example}\": {c.Description}"));

    private static string FormatNotFound(AccountNotFoundReply reply) =>
        reply.Suggestions.Count == 0
            ? $"No account matches \"{reply.Query}\". Check the name or web domain, or ask \"top 10 accounts\"."
            : $"No account matches \"{reply.Query}\". Did you mean {string.Join(", ", reply.Suggestions.Select(s => s.Name))}?";

    private static void AddIf(List<string> facts, string? fact)
    {
        if (!string.IsNullOrEmpty(fact))
        {
            facts.Add(fact);
        }
    }
}
