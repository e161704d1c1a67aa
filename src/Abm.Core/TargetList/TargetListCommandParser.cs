using System.Text.RegularExpressions;

namespace Abm.Core.TargetList;

/// <summary>A target-list command typed in chat.</summary>
public abstract record TargetListCommand;

/// <summary>"add Contoso to the target list because …", optionally with a web domain: "add Fabrikam (fabrikam.com) …".</summary>
public sealed record ProposeCommand(string AccountName, string? Domain, string? Rationale) : TargetListCommand;

/// <summary>"history of Contoso".</summary>
public sealed record HistoryCommand(string AccountName) : TargetListCommand;

/// <summary>"pending approvals".</summary>
public sealed record PendingApprovalsCommand : TargetListCommand;

/// <summary>
/// Recognises the target-list commands; returns null for anything else so the assistant's
/// own parser answers it.
/// </summary>
public static partial class TargetListCommandParser
{
    public static TargetListCommand? Parse(string? text)
    {
        var question = (text ?? string.Empty).Trim().TrimEnd('.', '!', '?').Trim();
        if (PendingPattern().IsMatch(question))
        {
            return new PendingApprovalsCommand();
        }

        if (HistoryPattern().Match(question) is { Success: true } history)
        {
            return new HistoryCommand(history.Groups["name"].Value.Trim());
        }

        if (ProposePattern().Match(question) is { Success: true } propose)
        {
            var name = propose.Groups["name"].Value.Trim();
            var domain = propose.Groups["domain"].Success ? propose.Groups["domain"].Value.Trim() : null;
            if (domain is null && TrailingDomainPattern().Match(name) is { Success: true } trailing)
            {
                (name, domain) = (trailing.Groups["name"].Value.Trim(), trailing.Groups["domain"].Value);
            }

            var why = propose.Groups["why"].Success ? propose.Groups["why"].Value.Trim() : null;
            return new ProposeCommand(name, domain?.ToLowerInvariant(), string.IsNullOrEmpty(why) ? null : why);
        }

        return null;
    }

    [GeneratedRegex(@"^(?:please\s+)?(?:show\s+)?(?:my\s+|the\s+)?pending\s+(?:target[- ]list\s+)?approvals?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PendingPattern();

    [GeneratedRegex(@"^(?:please\s+)?(?:show\s+)?(?:the\s+)?(?:target[- ]list\s+)?history\s+(?:of|for)\s+(?<name>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HistoryPattern();

    [GeneratedRegex(@"^(?:please\s+)?(?:add|propose)\s+(?<name>.+?)(?:\s*\((?<domain>[^)\s]+)\))?\s+(?:to|for)\s+(?:the\s+)?target(?:\s+account)?\s+list(?:\s*(?:,|:|-)?\s*(?:because|since|as|for)?\s+(?<why>.+))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex ProposePattern();

    [GeneratedRegex(@"^(?<name>.+?)[\s,]+(?<domain>(?:[a-z0-9-]+\.)+[a-z]{2,})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingDomainPattern();
}
