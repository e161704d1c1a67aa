using System.Text.Json.Serialization;

namespace Abm.Bot.Cards;

/// <summary>
/// An Adaptive Card as Teams renders it: schema 1.5, the newest version Teams supports for
/// bot-sent cards (Teams cards reference, 2023-06).
/// </summary>
public sealed class AdaptiveCard
{
    /// <summary>The attachment content type of an Adaptive Card, and the invoke response type that replaces a card.</summary>
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>The schema version Abm's cards declare.</summary>
    public const string SchemaVersion = "1.5";

    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    [JsonPropertyName("$schema")]
    [JsonPropertyOrder(-3)]
    public string? Schema { get; set; } = SchemaUrl;

    [JsonPropertyOrder(-2)]
    public string Type => "AdaptiveCard";

    /// <summary>The card's schema version; a card nested in an Action.ShowCard may leave it null.</summary>
    [JsonPropertyOrder(-1)]
    public string? Version { get; set; } = SchemaVersion;

    public IList<CardElement> Body { get; init; } = [];

    /// <summary>Buttons at the bottom of the card. Prefer an <see cref="ActionSet"/> in the body for Action.Execute.</summary>
    public IList<CardAction>? Actions { get; init; }

    /// <summary>Makes Teams fetch a user-specific card for the listed users when they view it.</summary>
    public CardRefresh? Refresh { get; set; }

    /// <summary>Text that clients unable to render the card show instead.</summary>
    public string? FallbackText { get; set; }

    /// <summary>What a screen reader or speech client says for the whole card.</summary>
    public string? Speak { get; set; }

    /// <summary>Teams' extension: full width and mentions. The official schema does not declare it.</summary>
    [JsonPropertyName("msteams")]
    public TeamsCardProperties? MsTeams { get; set; }
}

/// <summary>
/// Asks Teams to run <see cref="Action"/> automatically when one of <see cref="UserIds"/> views
/// the card, so each of them can get their own view (for example approvers see buttons).
/// </summary>
public sealed class CardRefresh
{
    /// <param name="action">An <see cref="ExecuteAction"/>; Teams sends it as an <c>adaptiveCard/action</c> invoke with trigger <c>automatic</c>.</param>
    public CardRefresh(CardAction action)
    {
        if (action is not ExecuteAction)
        {
            throw new ArgumentException(
                $"A card refresh runs an Action.Execute, but the action given is a {action.GetType().Name}.",
                nameof(action));
        }

        Action = action;
    }

    /// <summary>The refresh action, always an <see cref="ExecuteAction"/>; typed as the base so JSON carries its <c>type</c>.</summary>
    public CardAction Action { get; }

    /// <summary>
    /// Teams user MRIs (<c>29:…</c>) that refresh automatically, at most <see cref="MaxUserIds"/>.
    /// Null refreshes everyone in conversations of up to 60 members; an empty list refreshes for no user automatically.
    /// </summary>
    public IList<string>? UserIds { get; init; }

    /// <summary>Teams refreshes automatically for at most this many listed users.</summary>
    public const int MaxUserIds = 60;
}

/// <summary>The card's <c>msteams</c> object.</summary>
public sealed class TeamsCardProperties
{
    /// <summary>The value of <see cref="Width"/> that stretches the card across the conversation.</summary>
    public const string FullWidth = "Full";

    public string? Width { get; set; }

    /// <summary>The users that <c>&lt;at&gt;name&lt;/at&gt;</c> tags in the card's text mention.</summary>
    public IList<TeamsMention>? Entities { get; init; }
}

/// <summary>A mention of a user in a card's text.</summary>
/// <param name="Text">The tag as it appears in the text, <c>&lt;at&gt;name&lt;/at&gt;</c>.</param>
public sealed record TeamsMention(string Text, TeamsMentioned Mentioned)
{
    [JsonPropertyOrder(-1)]
    public string Type => "mention";

    /// <summary>Creates the mention of a user and the tag to put in the text.</summary>
    /// <param name="userId">The user's Teams id (<c>29:…</c>), Entra object id or user principal name.</param>
    public static TeamsMention For(string userId, string name) => new($"<at>{name}</at>", new TeamsMentioned(userId, name));
}

/// <summary>The user a <see cref="TeamsMention"/> points at.</summary>
public sealed record TeamsMentioned(string Id, string Name);
