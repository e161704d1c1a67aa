using CsvHelper;

namespace Abm.Core.Import;

/// <summary>A CSV file read whole: its header and its rows with their line numbers.</summary>
public sealed class CsvTable
{
    private CsvTable(string name, IReadOnlyDictionary<string, int> columns, List<CsvRow> rows)
    {
        Name = name;
        Columns = columns;
        Rows = rows;
    }

    /// <summary>The file name as the mapping gives it, for error messages.</summary>
    public string Name { get; }

    public IReadOnlyDictionary<string, int> Columns { get; }

    public IReadOnlyList<CsvRow> Rows { get; }

    /// <summary>Reads only the header line, to check a mapping before any row is read.</summary>
    public static IReadOnlyList<string> ReadHeader(string path)
    {
        using var csv = CsvReader.FromFile(path, Options());
        return csv.Headers.ToList();
    }

    /// <exception cref="ImportException">A record is malformed, such as a stray quote or a wrong number of fields.</exception>
    public static CsvTable Read(string name, string path)
    {
        using var csv = CsvReader.FromFile(path, Options());
        try
        {
            var columns = new Dictionary<string, int>(StringComparer.Ordinal);
            var header = csv.Headers.ToList();
            for (var i = 0; i < header.Count; i++)
            {
                columns.TryAdd(header[i], i);
            }

            var table = new CsvTable(name, columns, []);
            var rows = (List<CsvRow>)table.Rows;
            while (csv.Read())
            {
                var fields = new string[csv.FieldCount];
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = csv.GetString(i);
                }

                rows.Add(new CsvRow(table, (int)csv.LineNumber, fields));
            }

            return table;
        }
        catch (CsvFormatException ex)
        {
            throw new ImportException([new ImportError(name, (int)ex.LineNumber, null, null, $"the CSV record is malformed ({ex.Message}); fix the quoting or the number of fields")]);
        }
    }

    private static CsvReaderOptions Options() => new()
    {
        HasHeader = true,
        TrackLineNumbers = true,
        FieldCountMismatch = CsvFieldCountHandling.Throw,
        MalformedData = CsvMalformedDataHandling.Throw,
    };
}

/// <summary>One CSV row; virtual columns such as <c>_first</c> can be set on it.</summary>
public sealed class CsvRow(CsvTable table, int line, string[] fields)
{
    private Dictionary<string, string>? _virtual;

    public CsvTable Table { get; } = table;

    /// <summary>The 1-based line in the file where the row starts.</summary>
    public int Line { get; } = line;

    public string? Get(string column)
    {
        if (_virtual is not null && _virtual.TryGetValue(column, out var value))
        {
            return value;
        }

        return Table.Columns.TryGetValue(column, out var index) && index < fields.Length ? fields[index] : null;
    }

    public void SetVirtual(string column, string value) => (_virtual ??= new(StringComparer.Ordinal))[column] = value;
}
