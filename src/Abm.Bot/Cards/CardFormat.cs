using Abm.Core;
using Abm.Core.Answers;
using Abm.Core.Domain;
using Abm.Core.Scoring;

namespace Abm.Bot.Cards;

/// <summary>
/// Numbers, dates and labels as cards show them. Numbers go through <see cref="NumberText"/>, so a
/// card shows the same figures as the text reply and the command line.
/// </summary>
public static class CardFormat
{
    /// <summary>Shown where a value is missing or does not apply.</summary>
    public const string None = "—";

    /// <summary>Formats a 0–100 score with at most one decimal ("72.4", "85").</summary>
    public static string Score(double score) => NumberText.Points(score);

    /// <summary>Formats a change in points with its sign and at most one decimal ("+5.1", "-3", "0").</summary>
    public static string Change(double change) => NumberText.Change(Math.Round(change, 1));

    /// <summary>Formats decayed or fit points with at most one decimal ("12.5", "15").</summary>
    public static string Points(double points) => NumberText.Points(points);

    /// <summary>Formats US dollars compactly ("$950", "$12.5K", "$1.2M").</summary>
    public static string Usd(decimal amount) => NumberText.Money(amount);

    /// <summary>Formats a 0–1 share as a whole percentage ("40 %").</summary>
    public static string Percent(double share) => NumberText.Percent(share);

    /// <summary>Formats a count with thousands separators ("1,200").</summary>
    public static string Count(long count) => NumberText.Count(count);

    /// <summary>Formats the UTC calendar date of an instant ("4 Dec 2026").</summary>
    public static string Date(DateTimeOffset instant) => DateText.Date(instant);

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

    public static string Stage(FunnelStage stage) => ReplyText.StageName(stage);

    public static string Function(BusinessFunction function) => Explanations.FunctionName(function);
}
