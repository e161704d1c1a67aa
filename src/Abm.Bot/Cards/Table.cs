using System.Text.Json.Serialization;

namespace Abm.Bot.Cards;

/// <summary>A grid of cells (schema 1.5). The first row is a header unless <see cref="FirstRowAsHeader"/> is false.</summary>
public sealed class Table : CardElement
{
    public IList<TableColumnDefinition> Columns { get; init; } = [];

    public IList<TableRow> Rows { get; init; } = [];

    // The schema spells this property in the singular; some official samples use
    // "firstRowAsHeaders", which the schema rejects.
    public bool? FirstRowAsHeader { get; set; }

    public bool? ShowGridLines { get; set; }

    public ContainerStyle? GridStyle { get; set; }

    public HorizontalAlignment? HorizontalCellContentAlignment { get; set; }

    public VerticalAlignment? VerticalCellContentAlignment { get; set; }
}

/// <summary>A table column's relative width and default alignment.</summary>
public sealed class TableColumnDefinition
{
    /// <param name="width">Relative weight against the other columns.</param>
    public TableColumnDefinition(int width)
    {
        Width = width;
    }

    public int Width { get; set; }

    public HorizontalAlignment? HorizontalCellContentAlignment { get; set; }
}

/// <summary>One row of a <see cref="Table"/>.</summary>
public sealed class TableRow
{
    [JsonPropertyOrder(-1)]
    public string Type => "TableRow";

    public IList<TableCell> Cells { get; init; } = [];

    public ContainerStyle? Style { get; set; }
}

/// <summary>One cell of a <see cref="TableRow"/>.</summary>
public sealed class TableCell
{
    [JsonPropertyOrder(-1)]
    public string Type => "TableCell";

    public IList<CardElement> Items { get; init; } = [];

    public ContainerStyle? Style { get; set; }

    public VerticalAlignment? VerticalContentAlignment { get; set; }

    public CardAction? SelectAction { get; set; }
}
