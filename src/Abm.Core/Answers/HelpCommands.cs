using Abm.Core.Domain;

namespace Abm.Core.Answers;

/// <summary>
/// The help list of account questions. Its examples name an account of the user's own data and
/// that account's region and industry, so they can be typed as shown.
/// </summary>
public static class HelpCommands
{
    /// <summary>The account name examples use when no account is stored.</summary>
    public const string AccountPlaceholder = "<account name>";

    /// <summary>Builds the help reply, with examples about <paramref name="example"/> or placeholders when it is null.</summary>
    public static HelpReply Reply(Account? example)
    {
        var name = example?.Name ?? AccountPlaceholder;
        var region = string.IsNullOrWhiteSpace(example?.Region) ? "<region>" : example.Region.Trim();
        var industry = string.IsNullOrWhiteSpace(example?.Industry) ? "<industry>" : example.Industry.Trim();
        IReadOnlyList<HelpCommand> commands =
        [
            new($"tell me about {name}", "Fit, engagement, funnel stage, pipeline, owner and latest touches of an account."),
            new($"why is {name} hot", "What drives the engagement score, strongest reason first."),
            new($"top events {name}", "The events that add the most engagement points, after decay."),
            new($"top 10 accounts by fit in {region}", $"Ranked accounts, by AES (default) or fit, filtered by industry, region, country, owner or \"my accounts\"; 1 to {QuestionParser.MaxTopCount} accounts."),
            new("what changed this week", "Biggest risers and fallers and every band change over 7 days."),
            new($"funnel for {industry}", "Accounts at each funnel stage, conversion between stages, pipeline and won value."),
            new("help", "This list."),
        ];
        return new HelpReply(commands) { ExampleAccount = name };
    }
}
