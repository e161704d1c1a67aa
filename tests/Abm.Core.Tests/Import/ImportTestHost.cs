using Abm.Core.Import;
using Abm.Core.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Abm.Core.Tests.Import;

/// <summary>An import service over a fresh in-memory database.</summary>
public sealed class ImportTestHost : IDisposable
{
    public TestDatabase Database { get; } = new();

    public ImportService Service { get; }

    public ImportTestHost() =>
        Service = new ImportService(Database, new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)), NullLogger<ImportService>.Instance);

    public Task<ImportResult> ImportAsync(string mappingFile, string directory) =>
        Service.ImportAsync(ImportMapping.Load(Path.Combine(RepositoryPaths.Mappings, mappingFile)), directory, null, CancellationToken.None);

    public void Dispose() => Database.Dispose();
}
