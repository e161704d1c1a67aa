using System.Text.Json.Serialization;

namespace Abm.Bot.Cards;

/// <summary>
/// A body element of an Adaptive Card. The JSON <c>type</c> property carries the schema's
/// element name, so a list of elements serialises to exactly what the schema expects.
/// </summary>
[JsonPolymorphic(
    TypeDiscriminatorPropertyName = "type",
    UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(RichTextBlock), "RichTextBlock")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(Image), "Image")]
[JsonDerivedType(typeof(Table), "Table")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(TextInput), "Input.Text")]
[JsonDerivedType(typeof(NumberInput), "Input.Number")]
[JsonDerivedType(typeof(DateInput), "Input.Date")]
[JsonDerivedType(typeof(ToggleInput), "Input.Toggle")]
[JsonDerivedType(typeof(ChoiceSetInput), "Input.ChoiceSet")]
public abstract class CardElement
{
    /// <summary>Element id: the target of Action.ToggleVisibility, and a handle for tests.</summary>
    public string? Id { get; set; }

    /// <summary>False hides the element until an Action.ToggleVisibility shows it.</summary>
    public bool? IsVisible { get; set; }

    /// <summary>Draws a line above the element.</summary>
    public bool? Separator { get; set; }

    public Spacing? Spacing { get; set; }

    public BlockElementHeight? Height { get; set; }

    /// <summary>What a client that cannot render this element shows instead.</summary>
    public CardElement? Fallback { get; set; }
}

/// <summary>
/// Text. Hosts apply a markdown subset (bold, italic, lists, links) to <see cref="Text"/>, so
/// text built from data goes through <see cref="CardText.Escape"/> first.
/// </summary>
public sealed class TextBlock : CardElement
{
    public TextBlock(string text)
    {
        Text = text;
    }

    public string Text { get; set; }

    public TextColor? Color { get; set; }

    public TextSize? Size { get; set; }

    public TextWeight? Weight { get; set; }

    public FontType? FontType { get; set; }

    public bool? IsSubtle { get; set; }

    /// <summary>True lets the text wrap; without it, hosts cut long text at one line.</summary>
    public bool? Wrap { get; set; }

    public int? MaxLines { get; set; }

    public HorizontalAlignment? HorizontalAlignment { get; set; }

    public TextBlockStyle? Style { get; set; }
}

/// <summary>Text made of runs with their own formatting. Hosts apply no markdown to runs.</summary>
public sealed class RichTextBlock : CardElement
{
    public IList<TextRun> Inlines { get; init; } = [];

    public HorizontalAlignment? HorizontalAlignment { get; set; }
}

/// <summary>A run of literal text inside a <see cref="RichTextBlock"/>.</summary>
public sealed class TextRun
{
    public TextRun(string text)
    {
        Text = text;
    }

    [JsonPropertyOrder(-1)]
    public string Type => "TextRun";

    public string Text { get; set; }

    public TextColor? Color { get; set; }

    public TextSize? Size { get; set; }

    public TextWeight? Weight { get; set; }

    public FontType? FontType { get; set; }

    public bool? IsSubtle { get; set; }

    public bool? Italic { get; set; }

    public bool? Strikethrough { get; set; }

    public bool? Highlight { get; set; }

    public bool? Underline { get; set; }

    /// <summary>Turns the run into a link; Action.ShowCard is not allowed here.</summary>
    public CardAction? SelectAction { get; set; }
}

/// <summary>Label and value pairs, shown as two aligned columns.</summary>
public sealed class FactSet : CardElement
{
    public IList<Fact> Facts { get; init; } = [];
}

/// <summary>One label and value in a <see cref="FactSet"/>; hosts apply markdown to both.</summary>
public sealed record Fact(string Title, string Value);

/// <summary>Columns side by side.</summary>
public sealed class ColumnSet : CardElement
{
    public IList<Column> Columns { get; init; } = [];

    public ContainerStyle? Style { get; set; }

    public bool? Bleed { get; set; }

    public HorizontalAlignment? HorizontalAlignment { get; set; }

    public CardAction? SelectAction { get; set; }
}

/// <summary>One column of a <see cref="ColumnSet"/>.</summary>
public sealed class Column
{
    [JsonPropertyOrder(-1)]
    public string Type => "Column";

    public string? Id { get; set; }

    public IList<CardElement> Items { get; init; } = [];

    /// <summary><c>auto</c> (fits the content), <c>stretch</c> (takes the rest), or pixels such as <c>50px</c>.</summary>
    public string? Width { get; set; }

    public ContainerStyle? Style { get; set; }

    public VerticalAlignment? VerticalContentAlignment { get; set; }

    public bool? Separator { get; set; }

    public Spacing? Spacing { get; set; }

    public bool? IsVisible { get; set; }

    public CardAction? SelectAction { get; set; }
}

/// <summary>A group of elements with an optional background style.</summary>
public sealed class Container : CardElement
{
    public IList<CardElement> Items { get; init; } = [];

    public ContainerStyle? Style { get; set; }

    public bool? Bleed { get; set; }

    public VerticalAlignment? VerticalContentAlignment { get; set; }

    public CardAction? SelectAction { get; set; }
}

/// <summary>An image from an https or data URL.</summary>
public sealed class Image : CardElement
{
    public Image(string url)
    {
        Url = url;
    }

    public string Url { get; set; }

    public string? AltText { get; set; }

    public ImageSize? Size { get; set; }

    public ImageStyle? Style { get; set; }

    public HorizontalAlignment? HorizontalAlignment { get; set; }

    /// <summary>Width in pixels, such as <c>40px</c>.</summary>
    public string? Width { get; set; }

    public CardAction? SelectAction { get; set; }
}

/// <summary>
/// Buttons inside the body. Teams honours an action's fallback on older clients only when the
/// action sits in an ActionSet, so the renderer puts Action.Execute buttons here.
/// </summary>
public sealed class ActionSet : CardElement
{
    public IList<CardAction> Actions { get; init; } = [];
}
