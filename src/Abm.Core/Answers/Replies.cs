using Abm.Core.Domain;
using Abm.Core.Scoring;

namespace Abm.Core.Answers;

/// <summary>
/// A channel-neutral answer. Teams renders it as an Adaptive Card, Slack as Block Kit, the
/// command line as text (<see cref="ReplyText"/>); every number in it comes from the scoring core.
/// </summary>
public abstract record Reply
{
    /// <summary>Follow-up actions the channel shows as buttons.</summary>
    public IReadOnlyList<ReplyAction> Actions { get; init; } = [];

    /// <summary>
    /// The typed account name and the account Abm read it as, or null. It is set only when the
    /// name matched by similarity, such as a misspelling, and channels show it above the reply.
    /// </summary>
    public NameCorrection? Correction { get; init; }
}

/// <summary>A typed account name that matched a stored account only by similarity, such as a misspelling.</summary>
/// <param name="Typed">The name as typed.</param>
/// <param name="Matched">The stored name of the account the reply is about.</param>
public sealed record NameCorrection(string Typed, string Matched)
{
    /// <summary>The sentence channels show: Showing Quillmere Analytics (closest match to "Quilmere Analytics").</summary>
    public string Text => $"Showing {Matched} (closest match to \"{Typed}\").";
}

/// <summary>A button on a reply. Channels send <see cref="Verb"/> and <see cref="Data"/> back unchanged.</summary>
public sealed record ReplyAction(string Verb, string Title, IReadOnlyDictionary<string, string> Data)
{
    /// <summary>
    /// A text the user types before the action runs, or null. Teams shows it in a form under the
    /// button and Slack in a modal; its value arrives in the action's data under its id.
    /// </summary>
    public ReplyInput? Input { get; init; }
}

/// <summary>A required text input that an action requests before it runs, such as the reason for a proposal.</summary>
/// <param name="Id">The data key its value arrives under.</param>
/// <param name="Label">What to type, shown above the box.</param>
/// <param name="SubmitTitle">The title of the button that sends it.</param>
/// <param name="MaxLength">The maximum length, in characters.</param>
public sealed record ReplyInput(string Id, string Label, string SubmitTitle, int MaxLength);

/// <summary>The verbs card buttons carry, shared by Teams' Action.Execute and Slack's action_id.</summary>
public static class ReplyVerbs
{
    public const string Summary = "account.summary";
    public const string Why = "account.why";
    public const string TopEvents = "account.events";

    /// <summary>The data key that names the account in an action.</summary>
    public const string AccountIdKey = "accountId";

    public static ReplyAction ForAccount(string verb, string title, string accountId) =>
        new(verb, title, new Dictionary<string, string>(StringComparer.Ordinal) { [AccountIdKey] = accountId });
}

/// <summary>One recent touch on an account, as shown in summaries.</summary>
public sealed record Touch(DateTimeOffset OccurredAt, string Type, BusinessFunction Function, string? ContactName, string? Detail);

/// <summary>Everything a summary shows about one account.</summary>
public sealed record AccountSummary(
    string Id,
    string Name,
    string? Domain,
    string? Industry,
    int? Employees,
    decimal? AnnualRevenueUsd,
    string? Region,
    string? Country,
    string? OwnerName,
    bool IsTarget,
    FitResult Fit,
    EngagementResult Engagement,
    FunnelStage Stage,
    decimal OpenPipelineUsd,
    int OpenOpportunities,
    decimal WonUsd,
    IReadOnlyList<Touch> LatestTouches);

/// <summary>"tell me about &lt;account&gt;".</summary>
public sealed record AccountSummaryReply(AccountSummary Account) : Reply;

/// <summary>What an explanation focuses on.</summary>
public enum ExplanationKind
{
    /// <summary>Why the account is hot, warm or cold: sub-scores, breadth, trend and fit.</summary>
    Why,

    /// <summary>The events that contribute most to the AES, with their decayed points.</summary>
    TopEvents,
}

/// <summary>"why is &lt;account&gt; hot", or the top events behind its AES.</summary>
/// <param name="Reasons">Plain sentences, strongest first, such as "3 people from the buying group engaged this week".</param>
public sealed record AccountExplanationReply(AccountSummary Account, ExplanationKind Kind, IReadOnlyList<string> Reasons) : Reply;

/// <summary>One row of a ranked account list.</summary>
public sealed record AccountRow(
    string Id,
    string Name,
    double Aes,
    EngagementBand Band,
    double AesChange7Days,
    double Fit,
    FitTier Tier,
    FunnelStage Stage,
    string? OwnerName);

/// <summary>"top N accounts [by AES|fit] [in &lt;filter&gt;]".</summary>
/// <param name="SortedBy">"AES" or "fit".</param>
/// <param name="Filter">The filter in words, such as "in EMEA", or null.</param>
public sealed record TopAccountsReply(string SortedBy, string? Filter, IReadOnlyList<AccountRow> Rows) : Reply;

/// <summary>One account's movement over a period.</summary>
public sealed record AccountChange(string Id, string Name, double AesBefore, double AesNow, EngagementBand BandBefore, EngagementBand BandNow);

/// <summary>"what changed this week": the biggest risers and fallers and every band change.</summary>
public sealed record ChangesReply(
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<AccountChange> Risers,
    IReadOnlyList<AccountChange> Fallers,
    IReadOnlyList<AccountChange> BandChanges) : Reply;

/// <summary>One funnel stage: accounts that reached it, conversion from the stage before, and money.</summary>
/// <param name="Count">Accounts at this stage or beyond it.</param>
/// <param name="ConversionFromPrevious">Share of the previous stage's count, 0–1, or null for the first stage.</param>
/// <param name="ValueUsd">Open pipeline for the pipeline stage, booked value for won stages, else null.</param>
public sealed record FunnelStageCount(FunnelStage Stage, int Count, double? ConversionFromPrevious, decimal? ValueUsd);

/// <summary>"funnel [for &lt;filter&gt;]".</summary>
public sealed record FunnelReply(string? Filter, IReadOnlyList<FunnelStageCount> Stages) : Reply;

/// <summary>One command in the help list.</summary>
public sealed record HelpCommand(string Example, string Description);

/// <summary>"help".</summary>
public sealed record HelpReply(IReadOnlyList<HelpCommand> Commands) : Reply
{
    /// <summary>The account name the examples use, so commands added to the list can name the same account.</summary>
    public string ExampleAccount { get; init; } = HelpCommands.AccountPlaceholder;
}

/// <summary>A close match for an account name that was not found.</summary>
public sealed record AccountMatch(string Id, string Name, int Similarity);

/// <summary>No account matched the name; offers the closest names ("did you mean").</summary>
public sealed record AccountNotFoundReply(string Query, IReadOnlyList<AccountMatch> Suggestions) : Reply;

/// <summary>A plain message, for confirmations and for questions Abm did not understand.</summary>
public sealed record TextReply(string Text) : Reply;
