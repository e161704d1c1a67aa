using System.Globalization;
using Abm.Core.Domain;
using Abm.Core.Scoring;

namespace Abm.Bot.Slack.BlockKit;

/// <summary>Numbers, money, dates and enum names as Slack messages show them (invariant culture).</summary>
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

    public static string Score(double value) => value.ToString("0", CultureInfo.InvariantCulture);

    public static string Change(double value) =>
        value.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);

    public static string Money(decimal? value) =>
        value is null ? "—" : "$" + value.Value.ToString("#,##0", CultureInfo.InvariantCulture);

    public static string Count(int? value) =>
        value is null ? "—" : value.Value.ToString("#,##0", CultureInfo.InvariantCulture);

    public static string Percent(double share) =>
        (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string Date(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Band(EngagementBand band) => band.ToString().ToLowerInvariant();

    public static string Tier(FitTier tier) => tier == FitTier.None ? "no tier" : "tier " + tier;

    public static string Stage(FunnelStage stage) => stage switch
    {
        FunnelStage.NotTargeted => "Not targeted",
        FunnelStage.Target => "Target",
        FunnelStage.Engaged => "Engaged",
        FunnelStage.SalesQualifiedLead => "Sales Qualified Lead",
        FunnelStage.SalesAcceptedOpportunity => "Sales Accepted Opportunity",
        FunnelStage.Pipeline => "Target Account Pipeline",
        FunnelStage.ClosedWon => "Closed Won",
        FunnelStage.Expansion => "Expansion",
        _ => stage.ToString(),
    };

    public static string Function(BusinessFunction function) => function switch
    {
        BusinessFunction.Marketing => "marketing",
        BusinessFunction.SalesDevelopment => "sales development",
        BusinessFunction.Sales => "sales",
        BusinessFunction.CustomerSuccess => "customer success",
        _ => function.ToString(),
    };
}
