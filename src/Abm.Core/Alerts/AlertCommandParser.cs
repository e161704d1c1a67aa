using System.Globalization;
using System.Text.RegularExpressions;
using Abm.Core.Scoring;

namespace Abm.Core.Alerts;

/// <summary>An alert command typed in chat.</summary>
public abstract record AlertCommand
{
    /// <summary>"subscribe this channel to hot accounts in EMEA, daily at 9:00 Europe/Berlin".</summary>
    /// <param name="Words">The filter words after "to", for region, industry, team or owner names the parser does not know.</param>
    public sealed record Subscribe(string Words, EngagementBand? Band, FitTier? MinFitTier, string? Rule, DeliveryMode Mode, int? DigestMinute, DayOfWeek? DigestDay, string? TimeZone, int? QuietStart, int? QuietEnd, string? Place) : AlertCommand;

    public sealed record List : AlertCommand;

    /// <summary>"unsubscribe 3", or "unsubscribe" / "unsubscribe all" for every subscription of the conversation.</summary>
    public sealed record Unsubscribe(long? Id) : AlertCommand;

    /// <summary>"alert stats [N days]".</summary>
    public sealed record Stats(int Days) : AlertCommand;
}

/// <summary>
/// Recognises the alert commands, so the assistant's own parser stays as it is:
/// "subscribe this channel to …", "list subscriptions", "unsubscribe …", "alert stats".
/// </summary>
public static partial class AlertCommandParser
{
    public static AlertCommand? Parse(string text)
    {
        var question = Spaces().Replace(text.Trim().TrimEnd('.', '!', '?'), " ");
        if (ListPattern().IsMatch(question))
        {
            return new AlertCommand.List();
        }

        if (StatsPattern().Match(question) is { Success: true } stats)
        {
            return new AlertCommand.Stats(stats.Groups["days"].Success ? int.Parse(stats.Groups["days"].Value, CultureInfo.InvariantCulture) : 30);
        }

        if (UnsubscribePattern().Match(question) is { Success: true } unsubscribe)
        {
            return new AlertCommand.Unsubscribe(unsubscribe.Groups["id"].Success ? long.Parse(unsubscribe.Groups["id"].Value, CultureInfo.InvariantCulture) : null);
        }

        return SubscribePattern().Match(question) is { Success: true } subscribe ? ParseSubscribe(subscribe.Groups["what"].Value) : null;
    }

    private static AlertCommand.Subscribe ParseSubscribe(string what)
    {
        var words = what;
        string? Take(Regex pattern, string group = "v")
        {
            var match = pattern.Match(words);
            if (!match.Success)
            {
                return null;
            }

            words = words.Remove(match.Index, match.Length);
            return match.Groups[group].Value;
        }

        var timeZone = Take(ZonePattern());
        var quiet = QuietPattern().Match(words);
        int? quietStart = null, quietEnd = null;
        if (quiet.Success)
        {
            quietStart = Minutes(quiet.Groups["from"].Value);
            quietEnd = Minutes(quiet.Groups["to"].Value);
            words = words.Remove(quiet.Index, quiet.Length);
        }

        var mode = DeliveryMode.RealTime;
        DayOfWeek? day = null;
        int? minute = null;
        var digest = DigestPattern().Match(words);
        if (digest.Success)
        {
            mode = digest.Groups["mode"].Value.StartsWith("week", StringComparison.OrdinalIgnoreCase) ? DeliveryMode.Weekly : DeliveryMode.Daily;
            if (digest.Groups["day"].Success)
            {
                day = Enum.Parse<DayOfWeek>(digest.Groups["day"].Value, ignoreCase: true);
            }

            if (digest.Groups["at"].Success)
            {
                minute = Minutes(digest.Groups["at"].Value);
            }

            words = words.Remove(digest.Index, digest.Length);
        }

        var tier = Take(TierPattern()) is { } tierText ? Enum.Parse<FitTier>(tierText, ignoreCase: true) : (FitTier?)null;
        var band = Take(BandPattern()) is { } bandText ? Enum.Parse<EngagementBand>(bandText, ignoreCase: true) : (EngagementBand?)null;
        var rule = Take(RulePattern()) switch
        {
            null => null,
            var r when r.StartsWith("surge", StringComparison.OrdinalIgnoreCase) => AlertRules.Surge,
            var r when r.StartsWith("first", StringComparison.OrdinalIgnoreCase) => AlertRules.FirstEngagement,
            var r when r.StartsWith("band", StringComparison.OrdinalIgnoreCase) => AlertRules.BandUp,
            _ => AlertRules.Disengagement,
        };
        var place = Take(PlacePattern());
        return new AlertCommand.Subscribe(Spaces().Replace(words, " ").Trim(' ', ','), band, tier, rule, mode, minute, day, timeZone, quietStart, quietEnd, place?.Trim());
    }

    private static int Minutes(string clock)
    {
        var parts = clock.Split(':');
        return int.Parse(parts[0], CultureInfo.InvariantCulture) * 60 + (parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 0);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(list|show)( (the|my|all|alert))* subscriptions$", RegexOptions.IgnoreCase)]
    private static partial Regex ListPattern();

    [GeneratedRegex(@"^alerts? stats( (for|over) (the )?(last )?(?<days>\d{1,3}) days)?$", RegexOptions.IgnoreCase)]
    private static partial Regex StatsPattern();

    [GeneratedRegex(@"^unsubscribe( (this channel|here|me))?( from)?( (?<all>all)| #?(?<id>\d+)| (everything|alerts))?$", RegexOptions.IgnoreCase)]
    private static partial Regex UnsubscribePattern();

    [GeneratedRegex(@"^subscribe( (this channel|this chat|here|me|us))? to (?<what>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex SubscribePattern();

    [GeneratedRegex(@"\b(?<v>[A-Za-z]+/[A-Za-z_]+(/[A-Za-z_]+)?|UTC)\b")]
    private static partial Regex ZonePattern();

    [GeneratedRegex(@",? ?quiet hours (from )?(?<from>\d{1,2}(:\d\d)?) ?(-|to|until) ?(?<to>\d{1,2}(:\d\d)?)", RegexOptions.IgnoreCase)]
    private static partial Regex QuietPattern();

    [GeneratedRegex(@",? ?(as a |in a )?(?<mode>daily|weekly)( digest)?( on (?<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?)?( at (?<at>\d{1,2}(:\d\d)?))?", RegexOptions.IgnoreCase)]
    private static partial Regex DigestPattern();

    [GeneratedRegex(@"\btier[- ](?<v>[abc])\b( accounts?)?", RegexOptions.IgnoreCase)]
    private static partial Regex TierPattern();

    [GeneratedRegex(@"\b(?<v>hot|engaged|warm|cold)\b( accounts?)?", RegexOptions.IgnoreCase)]
    private static partial Regex BandPattern();

    [GeneratedRegex(@"\b(?<v>surges?|disengagements?|cooling|first engagements?|band changes?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RulePattern();

    [GeneratedRegex(@"\b(in|for|from) (the )?(?<v>[^,]+?)( team| region| industry)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PlacePattern();
}
