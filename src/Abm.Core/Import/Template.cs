using System.Text;

namespace Abm.Core.Import;

/// <summary>
/// A string with placeholders such as <c>pp-{id}</c> or <c>{region_id|lookup:regions:name}</c>.
/// A placeholder names a column and optional pipes. When any placeholder comes out empty, the
/// whole result is empty (null), so <c>pp-rep-{sales_rep_id}</c> gives no owner for a blank rep.
/// A column name ending in <c>?</c> marks an optional placeholder that renders as nothing when
/// empty: <c>{FirstName?} {LastName}</c>. Results are trimmed.
/// </summary>
public sealed class Template
{
    private readonly List<Segment> _segments;

    private Template(string text, List<Segment> segments)
    {
        Text = text;
        _segments = segments;
    }

    public string Text { get; }

    /// <summary>The columns the placeholders read, in order of appearance.</summary>
    public IEnumerable<string> Columns => _segments.Where(s => s.Column is not null).Select(s => s.Column!);

    /// <summary>The pipes of every placeholder, for checking their names and arguments.</summary>
    public IEnumerable<Pipe> Pipes => _segments.SelectMany(s => s.Pipes);

    public bool IsConstant => _segments.All(s => s.Column is null);

    /// <exception cref="FormatException">A brace is unbalanced or a placeholder is empty.</exception>
    public static Template Parse(string text)
    {
        var segments = new List<Segment>();
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf('{', position);
            if (open < 0)
            {
                segments.Add(Segment.Literal(text[position..]));
                break;
            }

            var close = text.IndexOf('}', open);
            if (close < 0)
            {
                throw new FormatException($"'{text}' has a '{{' without a closing '}}'.");
            }

            if (open > position)
            {
                segments.Add(Segment.Literal(text[position..open]));
            }

            var parts = text[(open + 1)..close].Split('|');
            var column = parts[0].Trim();
            var optional = column.EndsWith('?');
            column = column.TrimEnd('?');
            if (column.Length == 0)
            {
                throw new FormatException($"'{text}' has a placeholder without a column name.");
            }

            var pipes = parts.Skip(1).Select(p => p.Trim().Split(':')).Select(p => new Pipe(p[0], p.Skip(1).ToArray())).ToList();
            segments.Add(new Segment(null, column, pipes, optional));
            position = close + 1;
        }

        if (text.Contains('}', StringComparison.Ordinal) && segments.All(s => s.Column is null))
        {
            throw new FormatException($"'{text}' has a '}}' without an opening '{{'.");
        }

        return new Template(text, segments);
    }

    /// <summary>Returns the result for one row, or null when a placeholder is empty.</summary>
    public string? Evaluate(CsvRow row, TemplateContext context)
    {
        if (_segments.Count == 1 && _segments[0].Column is { } only)
        {
            return Apply(row.Get(only), _segments[0].Pipes, context);
        }

        var builder = new StringBuilder();
        foreach (var segment in _segments)
        {
            if (segment.Column is null)
            {
                builder.Append(segment.Text);
                continue;
            }

            var value = Apply(row.Get(segment.Column), segment.Pipes, context);
            if (value is null && !segment.Optional)
            {
                return null;
            }

            builder.Append(value);
        }

        var result = builder.ToString().Trim();
        return result.Length == 0 ? null : result;
    }

    public override string ToString() => Text;

    private static string? Apply(string? value, List<Pipe> pipes, TemplateContext context)
    {
        value = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        foreach (var pipe in pipes)
        {
            if (value is null)
            {
                return null;
            }

            value = context.ApplyPipe(pipe, value);
        }

        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>A named transformation inside a placeholder, such as <c>lookup:regions:name</c>.</summary>
    public sealed record Pipe(string Name, string[] Arguments);

    private sealed record Segment(string? Text, string? Column, List<Pipe> Pipes, bool Optional = false)
    {
        public static Segment Literal(string text) => new(text, null, []);
    }
}
