namespace Abm.Core.Import;

/// <summary>
/// A parsed column-mapping file: which CSV files feed which entities and how columns become
/// fields. <c>docs/import-mappings.md</c> describes the language.
/// </summary>
public sealed class ImportMapping
{
    /// <summary>The mapping's file name, used in error messages and import history.</summary>
    public required string Name { get; init; }

    /// <summary>The source system: the <c>Source</c> of imported accounts, opportunities and events.</summary>
    public required string Source { get; init; }

    public IReadOnlyDictionary<string, LookupTableSpec> Tables { get; init; } = new Dictionary<string, LookupTableSpec>();

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ValueMaps { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, string>>();

    public IReadOnlyList<EntitySourceSpec> People { get; init; } = [];

    public IReadOnlyList<EntitySourceSpec> Accounts { get; init; } = [];

    public IReadOnlyList<EntitySourceSpec> Contacts { get; init; } = [];

    public IReadOnlyList<EntitySourceSpec> Opportunities { get; init; } = [];

    public IReadOnlyList<EntitySourceSpec> Events { get; init; } = [];

    /// <summary>Reads and checks a mapping file.</summary>
    /// <exception cref="ImportException">The file is not valid YAML or not a valid mapping.</exception>
    public static ImportMapping Load(string path) => MappingParser.Parse(Path.GetFileName(path), File.ReadAllText(path));

    /// <summary>Parses mapping text; <paramref name="name"/> appears in error messages.</summary>
    /// <exception cref="ImportException">The text is not valid YAML or not a valid mapping.</exception>
    public static ImportMapping Parse(string name, string yaml) => MappingParser.Parse(name, yaml);
}

/// <summary>A CSV file indexed by one column, for <c>lookup:</c> pipes.</summary>
public sealed record LookupTableSpec(string File, string Key);

/// <summary>One CSV file feeding one entity kind.</summary>
public sealed class EntitySourceSpec
{
    /// <summary>The mapping path of this source, such as <c>events[1]</c>, for error messages.</summary>
    public required string Path { get; init; }

    public required string File { get; init; }

    /// <summary>A missing file is skipped instead of rejected.</summary>
    public bool Optional { get; init; }

    /// <summary>Rows that repeat a key are expected (such as managers listed once per report); the first wins.</summary>
    public bool Distinct { get; init; }

    /// <summary>The entity key template; for events, the source id.</summary>
    public required Template Key { get; init; }

    public IReadOnlyList<RowCondition> Where { get; init; } = [];

    public FirstInGroupSpec? First { get; init; }

    public EnrichSpec? Enrich { get; init; }

    public IReadOnlyDictionary<string, FieldSpec> Fields { get; init; } = new Dictionary<string, FieldSpec>();
}

/// <summary>How one entity field is computed from a row.</summary>
public sealed class FieldSpec
{
    public required Template Template { get; init; }

    /// <summary>Replaces the template's result; what happens to values not listed is <see cref="Unmapped"/>.</summary>
    public IReadOnlyDictionary<string, string>? Map { get; init; }

    public UnmappedValues Unmapped { get; init; } = UnmappedValues.Error;

    /// <summary>Used when the result is empty.</summary>
    public string? Default { get; init; }

    /// <summary>Exact date formats (.NET custom format strings); ISO 8601 when none are given.</summary>
    public IReadOnlyList<string> Formats { get; init; } = [];

    /// <summary>Multiplies a number, such as 1000000 for revenue given in millions.</summary>
    public decimal? Multiply { get; init; }
}

public enum UnmappedValues
{
    Error,
    Keep,
    Empty,
}

/// <summary>A row filter: the template's result compared with constants; a row is kept when every condition holds.</summary>
public sealed record RowCondition(Template Value, string? EqualsValue, IReadOnlyList<string>? In, IReadOnlyList<string>? NotIn, bool? IsEmpty);

/// <summary>
/// Marks the first row of each group (ordered by the given columns, numbers compared as
/// numbers) with the virtual column <c>_first</c> = <c>true</c>, others <c>false</c>.
/// </summary>
public sealed record FirstInGroupSpec(Template Group, IReadOnlyList<string> OrderBy);

/// <summary>A named enrichment, such as <c>fortune1000</c>, with the file it reads.</summary>
public sealed record EnrichSpec(string Feature, string File);
