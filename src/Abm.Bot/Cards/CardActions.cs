using System.Text.Json.Serialization;

namespace Abm.Bot.Cards;

/// <summary>A button, or the select action of a column, container, cell or text run.</summary>
[JsonPolymorphic(
    TypeDiscriminatorPropertyName = "type",
    UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
[JsonDerivedType(typeof(ToggleVisibilityAction), "Action.ToggleVisibility")]
public abstract class CardAction
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? Tooltip { get; set; }

    public string? IconUrl { get; set; }

    public ActionStyle? Style { get; set; }

    public ActionMode? Mode { get; set; }

    public bool? IsEnabled { get; set; }

    /// <summary>What a client that does not know this action type shows instead.</summary>
    public CardAction? Fallback { get; set; }
}

/// <summary>
/// A Universal Action: Teams sends an <c>adaptiveCard/action</c> invoke with <see cref="Verb"/>
/// and <see cref="Data"/> (merged with the card's inputs) and shows the card the bot returns.
/// </summary>
public sealed class ExecuteAction : CardAction
{
    public ExecuteAction(string verb)
    {
        Verb = verb;
    }

    /// <summary>What the bot should do. Teams does not route an Action.Execute without a verb.</summary>
    public string Verb { get; set; }

    public IDictionary<string, string>? Data { get; init; }

    public AssociatedInputs? AssociatedInputs { get; set; }
}

/// <summary>Sends <see cref="Data"/> merged with the card's inputs as a message activity's value.</summary>
public sealed class SubmitAction : CardAction
{
    public IDictionary<string, string>? Data { get; init; }

    public AssociatedInputs? AssociatedInputs { get; set; }
}

/// <summary>Opens a URL in the browser.</summary>
public sealed class OpenUrlAction : CardAction
{
    public OpenUrlAction(Uri url)
    {
        Url = url;
    }

    public Uri Url { get; set; }
}

/// <summary>Shows a nested card below the buttons, for example a form for a reason.</summary>
public sealed class ShowCardAction : CardAction
{
    public ShowCardAction(AdaptiveCard card)
    {
        Card = card;
    }

    /// <summary>The nested card; its version and <c>$schema</c> may stay unset.</summary>
    public AdaptiveCard Card { get; set; }
}

/// <summary>Shows, hides or toggles elements by id.</summary>
public sealed class ToggleVisibilityAction : CardAction
{
    public IList<TargetElement> TargetElements { get; init; } = [];
}

/// <summary>An element an Action.ToggleVisibility changes.</summary>
/// <param name="ElementId">The target element's id.</param>
/// <param name="IsVisible">True shows, false hides, null toggles.</param>
public sealed record TargetElement(string ElementId, bool? IsVisible = null);
