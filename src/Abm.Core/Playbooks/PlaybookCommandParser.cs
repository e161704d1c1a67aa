using System.Text.RegularExpressions;

namespace Abm.Core.Playbooks;

/// <summary>A playbook command typed in chat.</summary>
public abstract record PlaybookCommand;

/// <summary>"playbook status Contoso".</summary>
public sealed record PlaybookStatusCommand(string AccountName) : PlaybookCommand;

/// <summary>"start executive outreach on Contoso".</summary>
public sealed record StartPlaybookCommand(string Playbook, string AccountName) : PlaybookCommand;

/// <summary>"list playbooks".</summary>
public sealed record ListPlaybooksCommand : PlaybookCommand;

/// <summary>Recognises the playbook commands; returns null for anything else.</summary>
public static partial class PlaybookCommandParser
{
    public static PlaybookCommand? Parse(string? text)
    {
        var question = (text ?? string.Empty).Trim().TrimEnd('.', '!', '?').Trim();
        if (ListPattern().IsMatch(question))
        {
            return new ListPlaybooksCommand();
        }

        if (StatusPattern().Match(question) is { Success: true } status)
        {
            return new PlaybookStatusCommand(status.Groups["name"].Value.Trim());
        }

        if (StartPattern().Match(question) is { Success: true } start)
        {
            return new StartPlaybookCommand(start.Groups["playbook"].Value.Trim(), start.Groups["name"].Value.Trim());
        }

        return null;
    }

    [GeneratedRegex(@"^(?:please\s+)?(?:list|show)?\s*(?:the\s+|all\s+)?playbooks$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListPattern();

    [GeneratedRegex(@"^(?:please\s+)?(?:show\s+)?(?:playbooks?\s+status|status\s+of\s+(?:the\s+)?playbooks?|playbooks)\s+(?:of\s+|for\s+|on\s+)?(?<name>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatusPattern();

    [GeneratedRegex(@"^(?:please\s+)?(?:start|run|launch)\s+(?:the\s+|an?\s+)?(?<playbook>.+?)(?:\s+playbook)?\s+(?:on|for|at|with)\s+(?<name>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StartPattern();
}
