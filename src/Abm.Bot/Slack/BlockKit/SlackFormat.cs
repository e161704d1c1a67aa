using Abm.Core;
using Abm.Core.Answers;
using Abm.Core.Domain;
using Abm.Core.Scoring;

namespace Abm.Bot.Slack.BlockKit;

/// <summary>
/// Formatting for mrkdwn lines: names and free text are shortened and escaped. Numbers, money,
/// dates and stage names come from the core's text formatting, so Slack shows what Teams and the CLI show.
/// </summary>
internal static class SlackFormat
{
    /// <summary>Longest account or person name inside a line; headers and buttons have their own limits.</summary>
    public const int NameInLine = 120;

    /// <summary>Longest free-text detail (a reason, an event detail) inside a line.</summary>
    public const int DetailInLine = 600;

    public static string Name(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "—" : SlackText.EscapeAndShorten(name.ReplaceLineEndings(" ").Trim(), NameInLine);

    public static string Detail(string? detail) =>
        string.IsNullOrWhiteSpace(detail) ? string.Empty : SlackText.EscapeAndShorten(detail.ReplaceLineEndings(" ").Trim(), DetailInLine);

    public static string Score(double value) => NumberText.Points(value);

    public static string Change(double value) => NumberText.Change(Math.Round(value, 1));

    public static string Money(decimal? value) => value is null ? "—" : NumberText.Money(value.Value);

    public static string Count(int? value) => value is null ? "—" : NumberText.Count(value.Value);

    public static string Percent(double share) => NumberText.Percent(share);

    public static string Date(DateTimeOffset value) => DateText.Date(value);

    public static string Band(EngagementBand band) => Explanations.BandName(band);

    public static string Tier(FitTier tier) => tier == FitTier.None ? "no tier" : "tier " + tier;

    public static string Stage(FunnelStage stage) => ReplyText.StageName(stage);

    public static string Function(BusinessFunction function) => Explanations.FunctionName(function);
}
