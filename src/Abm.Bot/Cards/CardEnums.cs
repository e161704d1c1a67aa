namespace Abm.Bot.Cards;

// Members serialise in camelCase through CardJson.Options, which gives the schema's strings
// ("extraLarge", "bolder", "attention").

/// <summary>Text colour; the host theme decides the actual shade.</summary>
public enum TextColor
{
    Default,
    Dark,
    Light,
    Accent,
    Good,
    Warning,
    Attention,
}

/// <summary>Text size relative to the host's default font size.</summary>
public enum TextSize
{
    Default,
    Small,
    Medium,
    Large,
    ExtraLarge,
}

/// <summary>Text weight.</summary>
public enum TextWeight
{
    Default,
    Lighter,
    Bolder,
}

/// <summary>Font family.</summary>
public enum FontType
{
    Default,
    Monospace,
}

/// <summary>TextBlock style: <see cref="Heading"/> marks a heading for screen readers.</summary>
public enum TextBlockStyle
{
    Default,
    Heading,
}

/// <summary>Horizontal alignment of an element or of text.</summary>
public enum HorizontalAlignment
{
    Left,
    Center,
    Right,
}

/// <summary>Vertical alignment of content in a container, column or table cell.</summary>
public enum VerticalAlignment
{
    Top,
    Center,
    Bottom,
}

/// <summary>Space above an element.</summary>
public enum Spacing
{
    Default,
    None,
    Small,
    Medium,
    Large,
    ExtraLarge,
    Padding,
}

/// <summary>Background style of a container, column, table or cell.</summary>
public enum ContainerStyle
{
    Default,
    Emphasis,
    Good,
    Attention,
    Warning,
    Accent,
}

/// <summary>Height of an element.</summary>
public enum BlockElementHeight
{
    Auto,
    Stretch,
}

/// <summary>Image size.</summary>
public enum ImageSize
{
    Auto,
    Stretch,
    Small,
    Medium,
    Large,
}

/// <summary>Image style: <see cref="Person"/> crops to a circle.</summary>
public enum ImageStyle
{
    Default,
    Person,
}

/// <summary>
/// Button style. Teams does not render <see cref="Positive"/> or <see cref="Destructive"/>
/// differently (Teams cards reference), so the style must never carry meaning on its own.
/// </summary>
public enum ActionStyle
{
    Default,
    Positive,
    Destructive,
}

/// <summary>Whether an action shows as a button (<see cref="Primary"/>) or in the overflow menu.</summary>
public enum ActionMode
{
    Primary,
    Secondary,
}

/// <summary>Which inputs an Action.Execute or Action.Submit sends with its data.</summary>
public enum AssociatedInputs
{
    Auto,
    None,
}

/// <summary>How an Input.ChoiceSet shows its choices.</summary>
public enum ChoiceInputStyle
{
    Compact,
    Expanded,
}

/// <summary>The keyboard and validation hint for an Input.Text.</summary>
public enum TextInputStyle
{
    Text,
    Tel,
    Url,
    Email,
    Password,
}
