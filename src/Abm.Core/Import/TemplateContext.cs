using System.Globalization;
using System.Text;
using Abm.Core.Domain;

namespace Abm.Core.Import;

/// <summary>What pipes need while templates run: the loaded lookup tables and the mapping's value maps.</summary>
public sealed class TemplateContext(
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, CsvRow>> tables,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> valueMaps)
{
    /// <summary>Pipe names and how many arguments each takes.</summary>
    public static readonly IReadOnlyDictionary<string, int> PipeArity = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["lower"] = 0,
        ["upper"] = 0,
        ["trim"] = 0,
        ["slug"] = 0,
        ["domain"] = 0,
        ["seniority"] = 0,
        ["map"] = 1,
        ["lookup"] = 2,
    };

    public string? ApplyPipe(Template.Pipe pipe, string value) => pipe.Name switch
    {
        "lower" => value.ToLowerInvariant(),
        "upper" => value.ToUpperInvariant(),
        "trim" => value.Trim(),
        "slug" => Slug(value),
        "domain" => WebDomain.Normalize(value),
        "seniority" => SeniorityFromTitle(value).ToString(),
        "map" => valueMaps[pipe.Arguments[0]].TryGetValue(value, out var mapped) ? mapped : value,
        "lookup" => tables[pipe.Arguments[0]].TryGetValue(value, out var row) ? row.Get(pipe.Arguments[1]) : null,
        _ => throw new InvalidOperationException($"Unknown pipe '{pipe.Name}'."),
    };

    /// <summary>Lower-cases and joins letters and digits with single hyphens: <c>Acme Corporation</c> → <c>acme-corporation</c>.</summary>
    public static string Slug(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c) && c < 128)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().TrimEnd('-');
    }

    /// <summary>Derives seniority from a job title's words, such as <c>VP Sales</c> → VicePresident.</summary>
    public static Seniority SeniorityFromTitle(string title)
    {
        var words = title.ToLowerInvariant().Split([' ', ',', '/', '-', '&', '(', ')', '.'], StringSplitOptions.RemoveEmptyEntries);
        bool Has(params string[] any) => words.Any(any.Contains);

        if (Has("chief", "ceo", "cfo", "cto", "cio", "cmo", "coo", "cro", "president", "founder", "owner") && !Has("vice", "vp", "svp", "evp"))
        {
            return Seniority.CLevel;
        }

        if (Has("vp", "svp", "evp", "vice"))
        {
            return Seniority.VicePresident;
        }

        if (Has("director", "head"))
        {
            return Seniority.Director;
        }

        return Has("manager", "lead", "supervisor") ? Seniority.Manager : Seniority.Other;
    }
}
