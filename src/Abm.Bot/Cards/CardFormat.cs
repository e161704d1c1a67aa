using System.Globalization;
using Abm.Core.Domain;
using Abm.Core.Scoring;

namespace Abm.Bot.Cards;

/// <summary>Numbers, dates and labels as cards show them, independent of the server's culture.</summary>
public static class CardFormat
{
    /// <summary>Shown where a value is missing or does not apply.</summary>
    public const string None = "—";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Formats a 0–100 score as a whole number, rounding halves up ("72.5" → "73").</summary>
    public static string Score(double score) => Math.Round(score, MidpointRounding.AwayFromZero).ToString("F0", Invariant);

    /// <summary>Formats a change in points with its sign and one decimal ("+5.1", "-3.0", "0.0").</summary>
    public static string Change(double change)
    {
        var rounded = Math.Round(change, 1, MidpointRounding.AwayFromZero);
        if (rounded == 0)
        {
            return "0.0";
        }

        return (rounded > 0 ? "+" : string.Empty) + rounded.ToString("F1", Invariant);
    }

    /// <summary>Formats decayed or fit points with at most one decimal ("12.5", "15").</summary>
    public static string Points(double points) => Math.Round(points, 1, MidpointRounding.AwayFromZero).ToString("0.#", Invariant);

    /// <summary>Formats US dollars without cents ("$1,250,000").</summary>
    public static string Usd(decimal amount)
    {
        var rounded = Math.Round(amount, 0, MidpointRounding.AwayFromZero);
        return rounded < 0
            ? "-$" + (-rounded).ToString("N0", Invariant)
            : "$" + rounded.ToString("N0", Invariant);
    }

    /// <summary>Formats a 0–1 share as a percentage with one decimal ("12.3%").</summary>
    public static string Percent(double share) => (share * 100).ToString("F1", Invariant) + "%";

    /// <summary>Formats a count with thousands separators ("1,200").</summary>
    public static string Count(long count) => count.ToString("N0", Invariant);

    /// <summary>Formats the UTC calendar date of an instant ("2026-12-04").</summary>
    public static string Date(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd", Invariant);

    public static string Band(EngagementBand band) => band switch
    {
        EngagementBand.Cold => "Cold",
        EngagementBand.Warm => "Warm",
        EngagementBand.Engaged => "Engaged",
        EngagementBand.Hot => "Hot",
        _ => band.ToString(),
    };

    /// <summary>Returns the text colour of a band: hot is red (attention), cold is blue (accent).</summary>
    public static TextColor BandColor(EngagementBand band) => band switch
    {
        EngagementBand.Hot => TextColor.Attention,
        EngagementBand.Engaged => TextColor.Warning,
        EngagementBand.Warm => TextColor.Good,
        _ => TextColor.Accent,
    };

    public static string Tier(FitTier tier) => tier == FitTier.None ? "No tier" : "Tier " + TierLetter(tier);

    /// <summary>Returns "A", "B", "C" or a dash for no tier.</summary>
    public static string TierLetter(FitTier tier) => tier switch
    {
        FitTier.A => "A",
        FitTier.B => "B",
        FitTier.C => "C",
        _ => None,
    };

    public static TextColor TierColor(FitTier tier) => tier switch
    {
        FitTier.A => TextColor.Good,
        FitTier.B => TextColor.Accent,
        _ => TextColor.Default,
    };

    public static string Stage(FunnelStage stage) => stage switch
    {
        FunnelStage.NotTargeted => "Not targeted",
        FunnelStage.Target => "Target",
        FunnelStage.Engaged => "Engaged",
        FunnelStage.SalesQualifiedLead => "Sales Qualified Lead",
        FunnelStage.SalesAcceptedOpportunity => "Sales Accepted Opportunity",
        FunnelStage.Pipeline => "Pipeline",
        FunnelStage.ClosedWon => "Closed Won",
        FunnelStage.Expansion => "Expansion",
        _ => stage.ToString(),
    };

    public static string Function(BusinessFunction function) => function switch
    {
        BusinessFunction.Marketing => "Marketing",
        BusinessFunction.SalesDevelopment => "Sales development",
        BusinessFunction.Sales => "Sales",
        BusinessFunction.CustomerSuccess => "Customer success",
        _ => function.ToString(),
    };
}
