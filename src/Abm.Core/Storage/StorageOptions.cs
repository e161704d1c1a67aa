using Microsoft.Data.Sqlite;

namespace Abm.Core.Storage;

/// <summary>Where Abm keeps its data. Bound from the <c>Abm:Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Abm:Storage";

    public const string SqliteProvider = "sqlite";

    public const string PostgresProvider = "postgres";

    /// <summary>The default SQLite file, relative to the working directory.</summary>
    public const string DefaultSqlitePath = ".abm/abm.db";

    /// <summary><c>sqlite</c> (the default: one file, no server) or <c>postgres</c> (for several bot instances).</summary>
    public string Provider { get; set; } = SqliteProvider;

    /// <summary>
    /// The provider's connection string. Optional for SQLite, where the default is the file
    /// <c>.abm/abm.db</c> under the working directory; required for PostgreSQL.
    /// </summary>
    public string? ConnectionString { get; set; }

    public bool IsSqlite => string.Equals(Provider, SqliteProvider, StringComparison.OrdinalIgnoreCase);

    public bool IsPostgres => string.Equals(Provider, PostgresProvider, StringComparison.OrdinalIgnoreCase);

    /// <summary>Lists what is wrong with these options; each message names the key, the value and the fix.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!IsSqlite && !IsPostgres)
        {
            errors.Add($"{SectionName}:Provider is '{Provider}', which is not a supported provider. Set it to '{SqliteProvider}' (the default) or '{PostgresProvider}'.");
            return errors;
        }

        if (IsPostgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            errors.Add($"{SectionName}:ConnectionString is empty, but the '{PostgresProvider}' provider needs one. Set it to a PostgreSQL connection string such as 'Host=localhost;Database=abm;Username=abm;Password=…'.");
        }

        if (IsSqlite && !string.IsNullOrWhiteSpace(ConnectionString))
        {
            try
            {
                _ = new SqliteConnectionStringBuilder(ConnectionString);
            }
            catch (ArgumentException ex)
            {
                errors.Add($"{SectionName}:ConnectionString is not a valid SQLite connection string ({ex.Message}). Set it to 'Data Source=<file path>' or remove it to use '{DefaultSqlitePath}'.");
            }
        }

        return errors;
    }

    /// <summary>
    /// Returns validated options with the provider name in lower case and, for SQLite, the
    /// connection string filled in; a relative default path is made absolute against
    /// <paramref name="workingDirectory"/>.
    /// </summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
    public StorageOptions Resolve(string workingDirectory)
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException(SectionName, typeof(StorageOptions), errors);
        }

        var connectionString = ConnectionString;
        if (IsSqlite && string.IsNullOrWhiteSpace(connectionString))
        {
            var path = Path.GetFullPath(Path.Combine(workingDirectory, DefaultSqlitePath));
            connectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
        }

        return new StorageOptions
        {
            Provider = IsSqlite ? SqliteProvider : PostgresProvider,
            ConnectionString = connectionString,
        };
    }
}
