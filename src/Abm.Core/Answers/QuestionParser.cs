using System.Globalization;
using System.Text.RegularExpressions;
using Abm.Core.Demo;
using Abm.Core.Scoring;

namespace Abm.Core.Answers;

/// <summary>A question the deterministic parser understood.</summary>
public abstract record Question;

/// <summary>"help".</summary>
public sealed record HelpQuestion : Question;

/// <summary>"tell me about &lt;account&gt;", or a bare account name.</summary>
/// <param name="IsBareName">True when no command word was found, so the whole text was taken as a name.</param>
public sealed record SummaryQuestion(string Account, bool IsBareName) : Question;

/// <summary>"why is &lt;account&gt; hot|warm|engaged|cold".</summary>
/// <param name="AskedBand">The band the question assumed, or null.</param>
public sealed record WhyQuestion(string Account, EngagementBand? AskedBand) : Question;

/// <summary>"top events &lt;account&gt;".</summary>
public sealed record TopEventsQuestion(string Account) : Question;

/// <summary>"top N accounts [by AES|fit] [in &lt;filter&gt;]".</summary>
/// <param name="Filter">Industry, region, country or owner name as typed, "my accounts", or null.</param>
public sealed record TopAccountsQuestion(int Count, bool ByFit, string? Filter) : Question;

/// <summary>"what changed this week".</summary>
public sealed record ChangesQuestion : Question;

/// <summary>"funnel [for &lt;filter&gt;]".</summary>
public sealed record FunnelQuestion(string? Filter) : Question;

/// <summary>Text with nothing left after the courtesy words and mentions were removed.</summary>
public sealed record EmptyQuestion : Question;

/// <summary>A recognised command with a value Abm cannot use, such as "top 0 accounts".</summary>
/// <param name="Problem">The message for the user: the value as typed, the allowed values and an example that works.</param>
public sealed record InvalidQuestion(string Problem) : Question;

/// <summary>
/// Parses chat questions with a few patterns, no language model. Mention remnants, a leading
/// "please", "can you" or "hey", and closing punctuation are ignored; anything that matches no
/// command is taken as an account name.
/// </summary>
public static partial class QuestionParser
{
    /// <summary>List length of "top accounts" when the question gives no count.</summary>
    public const int DefaultTopCount = 10;

    /// <summary>The maximum count of "top N accounts", equal to the rows a Teams list card shows.</summary>
    public const int MaxTopCount = 50;

    /// <summary>The filter text that stands for the asker's own accounts.</summary>
    public const string MyAccounts = "my accounts";

    public static Question Parse(string? text)
    {
        var question = Clean(text);
        if (question.Length == 0)
        {
            return new EmptyQuestion();
        }

        if (HelpPattern().IsMatch(question))
        {
            return new HelpQuestion();
        }

        if (ChangesPattern().IsMatch(question))
        {
            return new ChangesQuestion();
        }

        if (FunnelPattern().Match(question) is { Success: true } funnel)
        {
            return new FunnelQuestion(OptionalFilter(funnel.Groups["filter"]));
        }

        if (TopAccountsPattern().Match(question) is { Success: true } top)
        {
            return ParseTopAccounts(question, top);
        }

        if (MissingAccountPattern().Match(question) is { Success: true } missing)
        {
            return new InvalidQuestion(MissingAccountProblem(missing.Groups["command"].Value));
        }

        if (TopEventsPattern().Match(question) is { Success: true } events)
        {
            return new TopEventsQuestion(CleanName(events.Groups["account"].Value));
        }

        if (WhyPattern().Match(question) is { Success: true } why)
        {
            EngagementBand? band = why.Groups["band"].Success
                ? Enum.Parse<EngagementBand>(why.Groups["band"].Value, ignoreCase: true)
                : null;
            return new WhyQuestion(CleanName(why.Groups["account"].Value), band);
        }

        if (SummaryPattern().Match(question) is { Success: true } summary)
        {
            return new SummaryQuestion(CleanName(summary.Groups["account"].Value), IsBareName: false);
        }

        return new SummaryQuestion(CleanName(question), IsBareName: true);
    }

    private static Question ParseTopAccounts(string question, Match top)
    {
        var count = DefaultTopCount;
        var countGroup = top.Groups["count"];
        if (countGroup.Success)
        {
            var typed = countGroup.Value.Trim();
            var isNumber = long.TryParse(typed, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var parsed);
            if (!isNumber && typed.All(c => char.IsAsciiDigit(c) || c == ','))
            {
                // Too many digits for a long: still a count, just far too large.
                (isNumber, parsed) = (true, long.MaxValue);
            }

            if (!isNumber || parsed is < 1 or > MaxTopCount)
            {
                // The example is the user's own question with a count that works, so filters and sorting carry over.
                var working = isNumber && parsed > MaxTopCount ? MaxTopCount : DefaultTopCount;
                var example = string.Create(CultureInfo.InvariantCulture, $"{question[..countGroup.Index]}{working} {question[(countGroup.Index + countGroup.Length)..]}");
                var value = isNumber ? typed : $"\"{typed}\"";
                return new InvalidQuestion(
                    $"Cannot list {value} accounts: the count must be a whole number from 1 to {MaxTopCount}. Try \"{example}\".");
            }

            count = (int)parsed;
        }

        var sortWord = top.Groups["by"].Success ? top.Groups["by"].Value : top.Groups["by2"].Value;
        var byFit = sortWord.StartsWith("fit", StringComparison.OrdinalIgnoreCase) || sortWord.StartsWith("icp", StringComparison.OrdinalIgnoreCase);
        var filter = top.Groups["my"].Success ? MyAccounts : OptionalFilter(top.Groups["filter"]);
        return new TopAccountsQuestion(count, byFit, filter);
    }

    /// <summary>Returns the message for "top events" or "why is hot" typed without an account name.</summary>
    private static string MissingAccountProblem(string command)
    {
        var example = command.StartsWith("why", StringComparison.OrdinalIgnoreCase)
            ? $"why is {DemoDataGenerator.HotAccountName} hot"
            : $"top events {DemoDataGenerator.HotAccountName}";
        return $"Which account? \"{command}\" needs an account name, such as \"{example}\".";
    }

    private static string? OptionalFilter(Group group)
    {
        if (!group.Success)
        {
            return null;
        }

        var filter = CleanName(group.Value);
        if (MinePattern().IsMatch(filter))
        {
            return MyAccounts;
        }

        return filter.Length == 0 ? null : filter;
    }

    /// <summary>Removes mention remnants, courtesy words and closing punctuation.</summary>
    internal static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var cleaned = MentionPattern().Replace(text, " ");
        cleaned = WhitespacePattern().Replace(cleaned, " ").Trim();
        string previous;
        do
        {
            previous = cleaned;
            cleaned = CourtesyPrefixPattern().Replace(cleaned, string.Empty).Trim();
            cleaned = CourtesySuffixPattern().Replace(cleaned, string.Empty).Trim();
        }
        while (cleaned != previous);

        return cleaned;
    }

    private static string CleanName(string name) =>
        NameEdgePattern().Replace(name.Trim(), string.Empty).Trim();

    // <at>Abm</at> left over from Teams, <@U123> from Slack, and a leading @Abm or "Abm:".
    [GeneratedRegex(@"<at>[^<]*</at>|<@[A-Z0-9|a-z._-]+>|^\s*@?abm\b[:,]?", RegexOptions.IgnoreCase)]
    private static partial Regex MentionPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();

    [GeneratedRegex(@"^(?:please|pls|hey|hi|hello|ok|okay|so|can you|could you|would you|will you|kindly|thanks|thank you|thx|cheers)\b[\s,:!.]*", RegexOptions.IgnoreCase)]
    private static partial Regex CourtesyPrefixPattern();

    [GeneratedRegex(@"(?:[\s,]+(?:please|pls|thanks|thank you))+\s*[?!.]*$|[\s?!.]+$", RegexOptions.IgnoreCase)]
    private static partial Regex CourtesySuffixPattern();

    [GeneratedRegex(@"^[\s""'“”‘’]+|[\s""'“”‘’?!.,]+$")]
    private static partial Regex NameEdgePattern();

    [GeneratedRegex(@"^(?:help|\?|commands|what can you do|how do i use (?:this|you))$", RegexOptions.IgnoreCase)]
    private static partial Regex HelpPattern();

    [GeneratedRegex(@"^(?:(?:what(?:'s| has| is)?|what)\s+changed|changes|what'?s new)(?:\s+(?:this|last|in the last|over the last)\s+(?:week|7 days))?$", RegexOptions.IgnoreCase)]
    private static partial Regex ChangesPattern();

    [GeneratedRegex(@"^(?:show\s+(?:me\s+)?)?(?:the\s+|my\s+)?funnel(?:\s+(?:for|in|of)\s+(?<filter>.+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex FunnelPattern();

    // TODO: "hot", "engaged" and "best" before "accounts" are skipped, not a band filter, and only one "in <filter>" is read.
    [GeneratedRegex(
        @"^(?:show\s+(?:me\s+)?|list\s+|give\s+me\s+)?(?:the\s+)?(?<my>my\s+)?top\s+(?<count>(?!(?:hot|engaged|best|accounts?)\b)\S+\s+)?(?:(?:hot|engaged|best)\s+)?accounts?(?:\s+by\s+(?<by>aes|engagement|fit|icp(?:\s+fit)?))?(?:\s+(?:in|for|from|owned\s+by|of)\s+(?<filter>.+?))?(?:\s+by\s+(?<by2>aes|engagement|fit|icp(?:\s+fit)?))?$",
        RegexOptions.IgnoreCase)]
    private static partial Regex TopAccountsPattern();

    // "top events" or "why is hot" with nothing where the account name goes.
    [GeneratedRegex(@"^(?<command>(?:show\s+(?:me\s+)?)?(?:the\s+)?(?:top|latest|recent)\s+(?:events|touches|activity|activities)(?:\s+(?:for|at|of|on|from))?|why(?:\s+(?:is|are|was))?(?:\s+(?:so\s+)?(?:hot|warm|cold|engaged))?)$", RegexOptions.IgnoreCase)]
    private static partial Regex MissingAccountPattern();

    [GeneratedRegex(@"^(?:show\s+(?:me\s+)?)?(?:the\s+)?(?:top|latest|recent)\s+(?:events|touches|activity|activities)(?:\s+(?:for|at|of|on|from))?\s+(?<account>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex TopEventsPattern();

    [GeneratedRegex(@"^why\s+(?:is|are|was)\s+(?<account>.+?)\s+(?:so\s+)?(?<band>hot|warm|cold|engaged)$|^why\s+(?:is\s+)?(?<account>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex WhyPattern();

    [GeneratedRegex(@"^(?:tell\s+me\s+(?:more\s+)?about|what\s+about|how\s+is|how's|what\s+do\s+we\s+know\s+about|info(?:rmation)?\s+(?:on|about)|summary\s+(?:of|for)|summari[sz]e|show\s+(?:me\s+)?|about|account)\s+(?<account>.+?)(?:\s+doing)?$", RegexOptions.IgnoreCase)]
    private static partial Regex SummaryPattern();

    [GeneratedRegex(@"^(?:my\s+accounts?|mine|me|my)$", RegexOptions.IgnoreCase)]
    private static partial Regex MinePattern();
}
