using System.Text.Json.Serialization;

namespace Abm.Bot.Slack.BlockKit;

// Typed Block Kit models for what Abm sends, serialized with snake_case names and nulls omitted.
// Blocks and elements get their "type" from the derived type; text objects declare it themselves.

/// <summary>A <c>plain_text</c> text object: Slack parses no markup in it, only emoji codes when <see cref="Emoji"/> is true.</summary>
public sealed record PlainText(string Text, bool? Emoji = true)
{
    [JsonPropertyOrder(-1)]
    public string Type => "plain_text";
}

/// <summary>A <c>mrkdwn</c> text object; data in it must have <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> escaped.</summary>
/// <param name="Verbatim">True keeps Slack from turning bare URLs and channel names into links.</param>
public sealed record MrkdwnText(string Text, bool? Verbatim = true)
{
    [JsonPropertyOrder(-1)]
    public string Type => "mrkdwn";
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(HeaderBlock), "header")]
[JsonDerivedType(typeof(SectionBlock), "section")]
[JsonDerivedType(typeof(ContextBlock), "context")]
[JsonDerivedType(typeof(DividerBlock), "divider")]
[JsonDerivedType(typeof(ActionsBlock), "actions")]
[JsonDerivedType(typeof(InputBlock), "input")]
public abstract record Block
{
    public string? BlockId { get; init; }
}

public sealed record HeaderBlock(PlainText Text) : Block;

/// <summary>A section: <see cref="Text"/>, <see cref="Fields"/>, or both.</summary>
public sealed record SectionBlock(MrkdwnText? Text, IReadOnlyList<MrkdwnText>? Fields = null) : Block;

public sealed record ContextBlock(IReadOnlyList<MrkdwnText> Elements) : Block;

public sealed record DividerBlock : Block;

public sealed record ActionsBlock(IReadOnlyList<BlockElement> Elements) : Block;

public sealed record InputBlock(PlainText Label, BlockElement Element, PlainText? Hint = null) : Block
{
    /// <summary>True lets the modal submit with this input empty.</summary>
    public bool? Optional { get; init; }
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ButtonElement), "button")]
[JsonDerivedType(typeof(PlainTextInputElement), "plain_text_input")]
[JsonDerivedType(typeof(StaticSelectElement), "static_select")]
[JsonDerivedType(typeof(ExternalSelectElement), "external_select")]
public abstract record BlockElement(string ActionId);

/// <param name="Style"><c>primary</c>, <c>danger</c> or null for the default look.</param>
public sealed record ButtonElement(string ActionId, PlainText Text, string Value, string? Style = null) : BlockElement(ActionId);

public sealed record PlainTextInputElement(string ActionId, PlainText? Placeholder = null, bool? Multiline = null, int? MaxLength = null)
    : BlockElement(ActionId);

/// <summary>A drop-down of fixed options, for example a reason code in a modal.</summary>
public sealed record StaticSelectElement(string ActionId, PlainText? Placeholder, IReadOnlyList<SelectOption> Options)
    : BlockElement(ActionId)
{
    /// <summary>The option selected when the modal opens; it must equal one of <see cref="Options"/>.</summary>
    public SelectOption? InitialOption { get; init; }
}

/// <summary>
/// A drop-down whose options Slack loads from the app's options load URL as the user types: a
/// <c>block_suggestion</c> request with the typed text, whose response holds up to 100 options.
/// </summary>
/// <param name="MinQueryLength">Characters typed before Slack asks; 0 loads options as soon as the menu opens.</param>
public sealed record ExternalSelectElement(string ActionId, PlainText? Placeholder, int? MinQueryLength = null)
    : BlockElement(ActionId);

/// <summary>One option of a <see cref="StaticSelectElement"/> or of an options load response.</summary>
public sealed record SelectOption(PlainText Text, string Value);

/// <summary>The response to a <c>block_suggestion</c> request: the options to show, at most 100.</summary>
public sealed record OptionsResponse(IReadOnlyList<SelectOption> Options);

/// <summary>A message: <see cref="Text"/> is the notification and screen-reader fallback and is always set.</summary>
public sealed record SlackMessage(string Text, IReadOnlyList<Block> Blocks);

/// <summary>A modal view for <c>views.open</c>.</summary>
public sealed record ModalView(
    PlainText Title,
    IReadOnlyList<Block> Blocks,
    string CallbackId,
    PlainText? Submit = null,
    PlainText? Close = null,
    string? PrivateMetadata = null)
{
    public string Type => "modal";
}
