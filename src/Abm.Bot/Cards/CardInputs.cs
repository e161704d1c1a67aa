namespace Abm.Bot.Cards;

/// <summary>
/// A field the user fills in. Action.Execute and Action.Submit send each input's value under
/// its <see cref="CardElement.Id"/>, merged into the action's data, so the constructor
/// requires the id.
/// </summary>
public abstract class CardInput : CardElement
{
    protected CardInput(string id)
    {
        Id = id;
    }

    public string? Label { get; set; }

    public bool? IsRequired { get; set; }

    /// <summary>Shown when <see cref="IsRequired"/> or a validation rule fails.</summary>
    public string? ErrorMessage { get; set; }
}

/// <summary>A text field.</summary>
public sealed class TextInput : CardInput
{
    public TextInput(string id)
        : base(id)
    {
    }

    public string? Placeholder { get; set; }

    public string? Value { get; set; }

    public bool? IsMultiline { get; set; }

    public int? MaxLength { get; set; }

    /// <summary>A regular expression the value must match.</summary>
    public string? Regex { get; set; }

    public TextInputStyle? Style { get; set; }
}

/// <summary>A number field.</summary>
public sealed class NumberInput : CardInput
{
    public NumberInput(string id)
        : base(id)
    {
    }

    public string? Placeholder { get; set; }

    public double? Value { get; set; }

    public double? Min { get; set; }

    public double? Max { get; set; }
}

/// <summary>A date picker. Values, <see cref="Min"/> and <see cref="Max"/> are <c>yyyy-MM-dd</c>.</summary>
public sealed class DateInput : CardInput
{
    public DateInput(string id)
        : base(id)
    {
    }

    public string? Placeholder { get; set; }

    public string? Value { get; set; }

    public string? Min { get; set; }

    public string? Max { get; set; }
}

/// <summary>A checkbox. Its value is <see cref="ValueOn"/> or <see cref="ValueOff"/> (default "true" and "false").</summary>
public sealed class ToggleInput : CardInput
{
    public ToggleInput(string id, string title)
        : base(id)
    {
        Title = title;
    }

    public string Title { get; set; }

    public string? Value { get; set; }

    public string? ValueOn { get; set; }

    public string? ValueOff { get; set; }

    public bool? Wrap { get; set; }
}

/// <summary>A drop-down or a radio list; with <see cref="IsMultiSelect"/>, values are comma-separated.</summary>
public sealed class ChoiceSetInput : CardInput
{
    public ChoiceSetInput(string id)
        : base(id)
    {
    }

    public IList<Choice> Choices { get; init; } = [];

    public bool? IsMultiSelect { get; set; }

    public ChoiceInputStyle? Style { get; set; }

    public string? Value { get; set; }

    public string? Placeholder { get; set; }

    public bool? Wrap { get; set; }
}

/// <summary>One choice of a <see cref="ChoiceSetInput"/>.</summary>
public sealed record Choice(string Title, string Value);
