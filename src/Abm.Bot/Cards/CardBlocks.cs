using Abm.Core.Answers;

namespace Abm.Bot.Cards;

/// <summary>Building blocks that Abm's cards share: headings, plain data text, tables and buttons.</summary>
public static class CardBlocks
{
    /// <summary>
    /// The data key that carries the verb in an Action.Execute's Action.Submit fallback, because
    /// an Action.Submit has no verb of its own and arrives as a message whose value is its data.
    /// </summary>
    public const string FallbackVerbKey = "verb";

    /// <summary>The longest button title, in characters; longer titles end with an ellipsis.</summary>
    public const int MaxButtonTitleLength = 60;

    /// <summary>The longest fallback text, in user-perceived characters; longer text is cut because Teams limits a message's size.</summary>
    public const int MaxFallbackTextLength = 8000;

    /// <summary>Creates a card at full width in Teams with the given body.</summary>
    public static AdaptiveCard Card(params IEnumerable<CardElement> body) => new()
    {
        Body = [.. body],
        MsTeams = new TeamsCardProperties { Width = TeamsCardProperties.FullWidth },
    };

    /// <summary>Creates a card at full width in Teams with the text that clients unable to render it show.</summary>
    public static AdaptiveCard Card(string fallbackText, params IEnumerable<CardElement> body)
    {
        var card = Card(body);
        card.FallbackText = CardText.Truncate(fallbackText, MaxFallbackTextLength);
        return card;
    }

    /// <summary>Creates a heading from Abm's own words, which may use markdown.</summary>
    public static TextBlock Heading(string text) => new(text)
    {
        Size = TextSize.Large,
        Weight = TextWeight.Bolder,
        Style = TextBlockStyle.Heading,
        Wrap = true,
    };

    /// <summary>Creates a heading that shows data literally, such as an account name.</summary>
    public static RichTextBlock PlainHeading(string? data, string? id = null)
    {
        var run = Run(data);
        run.Size = TextSize.Large;
        run.Weight = TextWeight.Bolder;
        var heading = Runs(run);
        heading.Id = id;
        return heading;
    }

    /// <summary>Creates a section title, with a line above it.</summary>
    public static TextBlock Section(string text) => new(text)
    {
        Weight = TextWeight.Bolder,
        Wrap = true,
        Separator = true,
        Spacing = Spacing.Medium,
    };

    /// <summary>Creates small grey text from Abm's own words.</summary>
    public static TextBlock Subtle(string text) => new(text) { IsSubtle = true, Wrap = true, Spacing = Spacing.None };

    /// <summary>Creates a wrapping text block from Abm's own words.</summary>
    public static TextBlock Text(string text) => new(text) { Wrap = true };

    /// <summary>Creates a text block that shows data literally (no markdown), wrapping.</summary>
    public static RichTextBlock Plain(string? data, int maxLength = CardText.DefaultMaxLength) => Runs(Run(data, maxLength));

    /// <summary>Creates a text run that shows data literally, on one line and trimmed.</summary>
    public static TextRun Run(string? data, int maxLength = CardText.DefaultMaxLength) => new(CardText.Clean(data, maxLength));

    /// <summary>Creates a rich text block from runs.</summary>
    public static RichTextBlock Runs(params IEnumerable<TextRun> runs) => new() { Inlines = [.. runs] };

    /// <summary>Creates a column of a label above a large value.</summary>
    public static Column Metric(
        string label,
        string value,
        string? valueId,
        TextColor? color = null,
        string? note = null,
        string? noteId = null,
        TextSize valueSize = TextSize.ExtraLarge)
    {
        var column = new Column
        {
            Width = "stretch",
            Items =
            {
                new TextBlock(label) { IsSubtle = true, Size = TextSize.Small, Wrap = true },
                new TextBlock(value)
                {
                    Id = valueId,
                    Size = valueSize,
                    Weight = TextWeight.Bolder,
                    Color = color,
                    Spacing = Spacing.None,
                    Wrap = true,
                },
            },
        };
        if (note is not null)
        {
            column.Items.Add(new TextBlock(note) { Id = noteId, Color = color, Spacing = Spacing.None, Wrap = true });
        }

        return column;
    }

    /// <summary>Creates a table whose first row holds the headers.</summary>
    /// <param name="columns">Each column's header and relative width.</param>
    /// <param name="rows">Each row's cells, one per column.</param>
    public static Table Table(IReadOnlyList<(string Header, int Width)> columns, IEnumerable<IReadOnlyList<TableCell>> rows)
    {
        var table = new Table
        {
            FirstRowAsHeader = true,
            ShowGridLines = false,
            Columns = [.. columns.Select(column => new TableColumnDefinition(column.Width))],
        };
        table.Rows.Add(new TableRow
        {
            Cells = [.. columns.Select(column => Cell(new TextBlock(column.Header) { Weight = TextWeight.Bolder, Wrap = true }))],
        });
        foreach (var row in rows)
        {
            if (row.Count != columns.Count)
            {
                throw new ArgumentException($"A table row has {row.Count} cells but the table has {columns.Count} columns.", nameof(rows));
            }

            table.Rows.Add(new TableRow { Cells = [.. row] });
        }

        return table;
    }

    /// <summary>Creates a table cell holding the given elements.</summary>
    public static TableCell Cell(params IEnumerable<CardElement> items) => new() { Items = [.. items] };

    /// <summary>Creates a table cell with Abm's own text, such as a number.</summary>
    public static TableCell TextCell(string text, TextColor? color = null) => Cell(new TextBlock(text) { Color = color, Wrap = true });

    /// <summary>Creates a table cell that shows data literally.</summary>
    public static TableCell PlainCell(string? data) => Cell(Plain(data));

    /// <summary>
    /// Creates an Action.Execute button that sends <paramref name="verb"/> and <paramref name="data"/>
    /// back, with an Action.Submit fallback for Teams clients without Universal Actions.
    /// </summary>
    public static ExecuteAction Execute(string verb, string title, IReadOnlyDictionary<string, string> data)
    {
        var cleanTitle = CardText.Clean(title, MaxButtonTitleLength);
        var fallbackData = new Dictionary<string, string>(data, StringComparer.Ordinal) { [FallbackVerbKey] = verb };
        return new ExecuteAction(verb)
        {
            Title = cleanTitle,
            Data = new Dictionary<string, string>(data, StringComparer.Ordinal),
            Fallback = new SubmitAction { Title = cleanTitle, Data = fallbackData },
        };
    }

    /// <summary>Creates the button for a reply's follow-up action.</summary>
    public static ExecuteAction Execute(ReplyAction action) => Execute(action.Verb, action.Title, action.Data);

    /// <summary>
    /// Creates the button for a reply's follow-up action. An action with an input becomes an
    /// Action.ShowCard whose form contains the required input and the Action.Execute that sends it.
    /// </summary>
    public static CardAction Action(ReplyAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (action.Input is not { } input)
        {
            return Execute(action);
        }

        var form = new AdaptiveCard
        {
            Body =
            [
                new TextInput(input.Id)
                {
                    Label = input.Label,
                    IsRequired = true,
                    ErrorMessage = "Fill this in first.",
                    IsMultiline = true,
                    MaxLength = input.MaxLength,
                },
            ],
            Actions = [Execute(action.Verb, input.SubmitTitle, action.Data)],
        };
        return new ShowCardAction(form) { Title = CardText.Clean(action.Title, MaxButtonTitleLength) };
    }

    /// <summary>Creates an action set of the reply's follow-up actions, or null when it has none.</summary>
    public static ActionSet? Actions(Reply reply) => reply.Actions.Count == 0
        ? null
        : new ActionSet { Id = "actions", Actions = [.. reply.Actions.Select(Action)] };
}
