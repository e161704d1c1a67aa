using System.Globalization;
using System.Net;
using Abm.Core.Domain;

namespace Abm.Core.Import;

/// <summary>The named enrichments a mapping can ask for.</summary>
internal static class Enrichers
{
    public const string Fortune1000 = "fortune1000";

    public static readonly string[] Known = [Fortune1000];

    /// <summary>Columns each enrichment's file must have.</summary>
    public static IReadOnlyList<string> RequiredColumns(string feature) => feature switch
    {
        Fortune1000 => Fortune1000Enricher.Columns,
        _ => [],
    };
}

/// <summary>
/// Fills missing firmographics (industry, employees, revenue, country) from a Fortune 1000
/// list (columns <c>company</c>, <c>Website</c>, <c>sector</c>, <c>num. of employees</c>,
/// <c>revenue</c> in millions of US dollars). An account matches by web domain first, then
/// by normalised company name; values the account already has are kept.
/// </summary>
internal sealed class Fortune1000Enricher
{
    public static readonly string[] Columns = ["company", "Website", "sector", "num. of employees", "revenue"];

    private static readonly HashSet<string> NameStopWords = new(StringComparer.Ordinal)
    {
        "inc", "corp", "corporation", "co", "company", "the", "group", "holding", "holdings", "cos", "companies",
    };

    private readonly Dictionary<string, CsvRow> _byDomain = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CsvRow> _byName = new(StringComparer.Ordinal);

    public Fortune1000Enricher(CsvTable table)
    {
        foreach (var row in table.Rows)
        {
            if (WebDomain.Normalize(row.Get("Website")) is { } domain)
            {
                _byDomain.TryAdd(domain, row);
            }

            var name = NormalizeName(row.Get("company") ?? "");
            if (name.Length > 0)
            {
                _byName.TryAdd(name, row);
            }
        }
    }

    /// <summary>Fills the account's missing firmographics; returns false when no company matches.</summary>
    public bool Enrich(Account account)
    {
        CsvRow? row = null;
        if (account.Domain is { } domain && !_byDomain.TryGetValue(domain, out row))
        {
            row = null;
        }

        if (row is null && !_byName.TryGetValue(NormalizeName(account.Name), out row))
        {
            return false;
        }

        account.Industry ??= Blank(row.Get("sector"));
        account.Country ??= "United States";
        if (account.Employees is null && int.TryParse(row.Get("num. of employees"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var employees))
        {
            account.Employees = employees;
        }

        if (account.AnnualRevenueUsd is null && decimal.TryParse(row.Get("revenue"), NumberStyles.Number, CultureInfo.InvariantCulture, out var millions))
        {
            account.AnnualRevenueUsd = millions * 1_000_000m;
        }

        return true;
    }

    /// <summary>
    /// Lower-cases, decodes HTML entities such as <c>&amp;#8217;</c>, drops punctuation and the
    /// words inc, corp, corporation, co, company, the, group, holding(s), cos and companies.
    /// </summary>
    public static string NormalizeName(string name)
    {
        var decoded = WebUtility.HtmlDecode(name).ToLowerInvariant();
        var letters = decoded.Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray();
        var words = new string(letters).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !NameStopWords.Contains(w));
        return string.Join(' ', words);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
