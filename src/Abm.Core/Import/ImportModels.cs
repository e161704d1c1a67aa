namespace Abm.Core.Import;

/// <summary>A problem in a mapping or a CSV row. <see cref="Line"/> is 0 for problems in the mapping itself.</summary>
public sealed record ImportError(string File, int Line, string? Column, string? Value, string Message)
{
    public override string ToString()
    {
        var where = Line > 0 ? $"{File} line {Line}" : File;
        if (Column is not null)
        {
            where += $", column '{Column}'";
        }

        if (Value is not null)
        {
            where += $", value '{Value}'";
        }

        return $"{where}: {Message}";
    }
}

/// <summary>Thrown when a mapping or its data is invalid; nothing was written.</summary>
public sealed class ImportException(IReadOnlyList<ImportError> errors)
    : Exception(Describe(errors))
{
    public IReadOnlyList<ImportError> Errors { get; } = errors;

    private static string Describe(IReadOnlyList<ImportError> errors)
    {
        var shown = errors.Take(20).Select(e => "  " + e);
        var more = errors.Count > 20 ? $"{Environment.NewLine}  … and {errors.Count - 20} more" : "";
        return $"The import was rejected and nothing was written ({errors.Count} problems):{Environment.NewLine}{string.Join(Environment.NewLine, shown)}{more}";
    }
}

/// <summary>Import progress: the current stage, and rows done out of a total (0 when unknown).</summary>
public sealed record ImportProgress(string Stage, int Done, int Total);

/// <summary>Rows inserted, updated and left unchanged for one entity kind.</summary>
public sealed record ImportCounts(int Inserted, int Updated, int Unchanged)
{
    public int Total => Inserted + Updated + Unchanged;
}

/// <summary>What an import wrote, per entity kind.</summary>
public sealed record ImportResult(
    string Source,
    ImportCounts Accounts,
    ImportCounts People,
    ImportCounts Contacts,
    ImportCounts Opportunities,
    ImportCounts Events);
