namespace Abm.Core.Import;

/// <summary>A completed import: which mapping ran, when, and how many rows it wrote.</summary>
public sealed class ImportRun
{
    public long Id { get; set; }

    /// <summary>The mapping's file name, such as <c>parch-and-posey.yml</c>.</summary>
    public required string Mapping { get; set; }

    /// <summary>The source system the mapping names, such as <c>parch_and_posey</c>.</summary>
    public required string Source { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset CompletedAt { get; set; }

    /// <summary>Rows inserted, over all entities.</summary>
    public int Inserted { get; set; }

    /// <summary>Rows that existed and had changed values.</summary>
    public int Updated { get; set; }

    /// <summary>Rows that existed with the same values.</summary>
    public int Unchanged { get; set; }
}
