using Abm.Core.Storage;
using Microsoft.Extensions.Options;

namespace Abm.Core.Tests.Storage;

public class StorageOptionsTests
{
    [Fact]
    public void Resolve_Defaults_UsesSqliteFileUnderWorkingDirectory()
    {
        var resolved = new StorageOptions().Resolve("/srv/abm");

        Assert.Equal("sqlite", resolved.Provider);
        Assert.Equal("Data Source=/srv/abm/.abm/abm.db", resolved.ConnectionString);
    }

    [Fact]
    public void Resolve_ProviderInUpperCase_IsAccepted()
    {
        var resolved = new StorageOptions { Provider = "Postgres", ConnectionString = "Host=db" }.Resolve("/srv");

        Assert.Equal("postgres", resolved.Provider);
    }

    [Fact]
    public void Resolve_UnknownProvider_NamesKeyValueAndFix()
    {
        var error = Assert.Throws<OptionsValidationException>(() => new StorageOptions { Provider = "mysql" }.Resolve("/srv"));

        Assert.Contains("Abm:Storage:Provider", error.Message, StringComparison.Ordinal);
        Assert.Contains("'mysql'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'postgres'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_PostgresWithoutConnectionString_NamesKey()
    {
        var error = Assert.Throws<OptionsValidationException>(() => new StorageOptions { Provider = "postgres" }.Resolve("/srv"));

        Assert.Contains("Abm:Storage:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_MalformedSqliteConnectionString_NamesKey()
    {
        var error = Assert.Throws<OptionsValidationException>(() => new StorageOptions { ConnectionString = "Colour=blue" }.Resolve("/srv"));

        Assert.Contains("Abm:Storage:ConnectionString", error.Message, StringComparison.Ordinal);
    }
}
