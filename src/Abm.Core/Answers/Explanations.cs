using System.Globalization;
using Abm.Core.Domain;
using Abm.Core.Scoring;

namespace Abm.Core.Answers;

/// <summary>Turns scores into plain sentences, strongest first; every number comes from the scoring core.</summary>
public static class Explanations
{
    /// <summary>How long without activity makes a cold or warm account read as quiet: its recency leads the reasons.</summary>
    public static readonly TimeSpan QuietAfter = TimeSpan.FromDays(30);

    /// <summary>Explains an account's AES band: sub-scores, breadth, trend, recency and fit.</summary>
    /// <param name="askedBand">The band the question assumed, such as hot in "why is X hot", or null.</param>
    public static IReadOnlyList<string> Why(AccountSummary account, EngagementBand? askedBand, EngagementOptions options)
    {
        var engagement = account.Engagement;
        var lead = Lead(account, askedBand, options);
        var functions = FunctionSentences(engagement);
        var breadth = BreadthSentence(engagement, options);
        var trend = TrendSentence(engagement);
        var recency = RecencySentence(engagement);
        var fit = FitSentence(account.Fit);

        // An active account is explained by what it did; a quiet one first by how long it has been quiet.
        var quiet = engagement.Band < EngagementBand.Engaged
            && (engagement.LastActivityAt is not { } last || engagement.AsOf - last >= QuietAfter);
        IEnumerable<string> ordered = quiet
            ? [lead, recency, trend, .. functions, breadth, fit]
            : [lead, .. functions, breadth, trend, recency, fit];
        return ordered.ToList();
    }

    /// <summary>Lists the events that contribute most to the AES, one sentence each, strongest first.</summary>
    public static IReadOnlyList<string> TopEvents(AccountSummary account)
    {
        var events = account.Engagement.TopEvents;
        if (events.Count == 0)
        {
            return [$"No scored events up to {Date(account.Engagement.AsOf)}."];
        }

        return events.Select(e => $"{NumberText.Points(e.Points)} points: {EventText(e.Type, e.ContactName, e.Detail)} on {Date(e.OccurredAt)} ({FunctionName(e.Function)})").ToList();
    }

    /// <summary>Returns a business function's name in words, such as "Sales development".</summary>
    public static string FunctionName(BusinessFunction function) => function switch
    {
        BusinessFunction.SalesDevelopment => "Sales development",
        BusinessFunction.CustomerSuccess => "Customer success",
        _ => function.ToString(),
    };

    /// <summary>Returns an event in words, such as "meeting with Jane Doe – Pricing page".</summary>
    public static string EventText(string type, string? contactName, string? detail)
    {
        var text = type.Replace('_', ' ');
        if (!string.IsNullOrEmpty(contactName))
        {
            text += " with " + contactName;
        }

        if (!string.IsNullOrEmpty(detail))
        {
            text += " – " + detail;
        }

        return text;
    }

    /// <summary>Formats a date as "3 Dec 2026" (UTC), with <see cref="DateText.Date"/>.</summary>
    public static string Date(DateTimeOffset at) => DateText.Date(at);

    /// <summary>Returns a band's name in lower case, such as "hot".</summary>
    public static string BandName(EngagementBand band) => band.ToString().ToLowerInvariant();

    private static string Lead(AccountSummary account, EngagementBand? askedBand, EngagementOptions options)
    {
        var engagement = account.Engagement;
        var band = BandName(engagement.Band);
        var score = NumberText.Points(engagement.Score);
        if (askedBand is { } asked && asked != engagement.Band)
        {
            return $"{account.Name} is {band}, not {BandName(asked)}: AES {score} ({ThresholdText(asked, options)}).";
        }

        var next = engagement.Band == EngagementBand.Hot ? EngagementBand.Hot : engagement.Band + 1;
        return $"{account.Name} is {band}: AES {score} ({ThresholdText(next, options)}).";
    }

    private static string ThresholdText(EngagementBand band, EngagementOptions options) => band switch
    {
        EngagementBand.Hot => $"hot starts at {NumberText.Points(options.HotThreshold)}",
        EngagementBand.Engaged => $"engaged starts at {NumberText.Points(options.EngagedThreshold)}",
        EngagementBand.Warm => $"warm starts at {NumberText.Points(options.WarmThreshold)}",
        _ => $"cold is below {NumberText.Points(options.WarmThreshold)}",
    };

    private static IEnumerable<string> FunctionSentences(EngagementResult engagement)
    {
        foreach (var (function, points) in engagement.ByFunction.Where(f => Math.Abs(f.Value) >= 0.05).OrderByDescending(f => f.Value))
        {
            var verb = points >= 0 ? "adds" : "takes away";
            var sentence = $"{FunctionName(function)} activity {verb} {NumberText.Points(Math.Abs(points))} points";
            var top = engagement.TopEvents.FirstOrDefault(e => e.Function == function);
            yield return top is null
                ? sentence + "."
                : $"{sentence}, led by {EventText(top.Type, top.ContactName, null)} on {Date(top.OccurredAt)} ({NumberText.Points(top.Points)}).";
        }
    }

    private static string BreadthSentence(EngagementResult engagement, EngagementOptions options)
    {
        var days = NumberText.Points(options.BreadthWindow.TotalDays);
        return engagement.EngagedContacts switch
        {
            0 => $"No known contact engaged in the last {days} days.",
            1 => $"Single-threaded: only one contact engaged in the last {days} days.",
            var n => $"{n} contacts engaged in the last {days} days, covering {engagement.EngagedPersonas} buying {(engagement.EngagedPersonas == 1 ? "role" : "roles")}.",
        };
    }

    private static string TrendSentence(EngagementResult engagement)
    {
        var change = Math.Round(engagement.Change7Days, 1);
        var from = NumberText.Points(engagement.ScoreSevenDaysAgo);
        var to = NumberText.Points(engagement.Score);
        return change switch
        {
            > 0 => $"Up {NumberText.Points(change)} points in 7 days, from {from} to {to}.",
            < 0 => $"Down {NumberText.Points(-change)} points in 7 days, from {from} to {to}.",
            _ => $"No change in 7 days (AES {to}).",
        };
    }

    private static string RecencySentence(EngagementResult engagement)
    {
        if (engagement.LastActivityAt is not { } last)
        {
            return "No activity recorded.";
        }

        // Calendar days in UTC, the zone the date is printed in, so "yesterday" is the day before.
        var days = (engagement.AsOf.UtcDateTime.Date - last.UtcDateTime.Date).Days;
        return days switch
        {
            0 => $"Last activity today, {Date(last)}.",
            1 => $"Last activity yesterday, {Date(last)}.",
            _ => $"Last activity {NumberText.Count(days)} days ago, on {Date(last)}.",
        };
    }

    private static string FitSentence(FitResult fit)
    {
        if (fit.Exclusion is not null)
        {
            return $"Fit 0: {fit.Exclusion}.";
        }

        var strongest = fit.Contributions.Where(c => c.Points > 0).OrderByDescending(c => c.Points).Take(2).Select(c => c.Reason).ToList();
        var tier = fit.Tier == FitTier.None ? "no tier" : $"tier {fit.Tier}";
        return strongest.Count == 0
            ? $"Fit {NumberText.Points(fit.Score)} ({tier})."
            : $"Fit {NumberText.Points(fit.Score)} ({tier}): {string.Join("; ", strongest)}.";
    }
}
