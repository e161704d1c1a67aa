using Abm.Core.Import;

namespace Abm.Core.Tests.Import;

/// <summary>Imports one shared data set once per test class; the tests only read, or re-import and expect no change.</summary>
public abstract class ImportedDataFixture : IAsyncLifetime, IDisposable
{
    private readonly string _mapping;

    protected ImportedDataFixture(string mapping, string dataSet)
    {
        _mapping = mapping;
        Directory = Path.Combine(RepositoryPaths.SharedData, dataSet);
    }

    public ImportTestHost Host { get; } = new();

    public string Directory { get; }

    public ImportResult FirstImport { get; private set; } = null!;

    public Task<ImportResult> ImportAgainAsync() => Host.ImportAsync(_mapping, Directory);

    public async Task InitializeAsync() => FirstImport = await Host.ImportAsync(_mapping, Directory);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Host.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class ParchAndPoseyFixture() : ImportedDataFixture("parch-and-posey.yml", "parch_and_posey");

public sealed class MavenCrmFixture() : ImportedDataFixture("maven-crm.yml", "maven_crm_sales_opportunities");
