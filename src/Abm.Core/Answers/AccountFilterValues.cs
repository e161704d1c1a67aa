using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Abm.Core.Domain;
using FuzzySharp;

namespace Abm.Core.Answers;

/// <summary>
/// The values each account filter can take in the data: industries, regions and countries that
/// accounts carry, and the people who own accounts. Builds the hint for a value that matches none.
/// </summary>
internal sealed partial class AccountFilterValues
{
    /// <summary>The maximum values a hint lists per filter; the rest are counted as "and N more".</summary>
    public const int MaxListed = 15;

    /// <summary>Lowest FuzzySharp similarity (0–100) offered as "did you mean".</summary>
    public const int SuggestionSimilarity = 70;

    private readonly IReadOnlyList<string> _industries;
    private readonly IReadOnlyList<string> _regions;
    private readonly IReadOnlyList<string> _countries;

    private AccountFilterValues(IReadOnlyList<string> industries, IReadOnlyList<string> regions, IReadOnlyList<string> countries, IReadOnlyList<Person> owners)
    {
        (_industries, _regions, _countries, Owners) = (industries, regions, countries, owners);
    }

    /// <summary>People who own at least one account, ordered by name.</summary>
    public IReadOnlyList<Person> Owners { get; }

    public static AccountFilterValues From(PortfolioData data)
    {
        var accounts = data.Accounts;
        var ownerIds = accounts.Select(a => a.OwnerId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var owners = data.People.Values.Where(p => ownerIds.Contains(p.Id)).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        return new(
            Distinct(accounts.Select(a => a.Industry)),
            Distinct(accounts.Select(a => a.Region)),
            Distinct(accounts.Select(a => a.Country)),
            owners);
    }

    /// <summary>Returns the values of one filter kind; owners by name.</summary>
    public IReadOnlyList<string> Of(AccountFilterKind kind) => kind switch
    {
        AccountFilterKind.Industry => _industries,
        AccountFilterKind.Region => _regions,
        AccountFilterKind.Country => _countries,
        _ => Owners.Select(p => p.Name).ToList(),
    };

    /// <summary>Splits "industry Spaceships" into the kind and the value, or returns null when no kind word leads.</summary>
    public static (AccountFilterKind Kind, string Value)? SplitKind(string typed)
    {
        var match = KindPattern().Match(typed);
        if (!match.Success)
        {
            return null;
        }

        var kind = match.Groups["kind"].Value.ToLowerInvariant() switch
        {
            "industry" => AccountFilterKind.Industry,
            "region" => AccountFilterKind.Region,
            "country" => AccountFilterKind.Country,
            _ => AccountFilterKind.Owner,
        };
        return (kind, match.Groups["value"].Value.Trim());
    }

    /// <summary>
    /// Builds the message for a value that matches no filter of the given kinds: the closest
    /// value as "did you mean", then every value of each kind, long lists cut to <see cref="MaxListed"/>.
    /// </summary>
    public string Unknown(string typed, IReadOnlyList<AccountFilterKind> kinds)
    {
        var filterNames = kinds.Count == 1 ? Noun(kinds[0]) : "industry, region, country or account owner";
        var text = new StringBuilder($"No {filterNames} matches \"{typed}\".");
        if (Closest(typed, kinds) is { } closest)
        {
            text.Append(CultureInfo.InvariantCulture, $" Did you mean \"{closest}\"?");
        }

        var lists = kinds.Where(k => Of(k).Count > 0).Select(k => $"{PluralNoun(k)}: {List(Of(k))}.").ToList();
        if (lists.Count == 0)
        {
            text.Append(kinds.Count == 1
                ? $" The stored accounts have no {PluralNoun(kinds[0]).ToLowerInvariant()} yet, so there is nothing to filter by."
                : " No accounts are stored yet, so there is nothing to filter. Import accounts with \"abm import\" first.");
            return text.ToString();
        }

        text.Append(' ').AppendJoin(' ', lists);
        return text.ToString();
    }

    private string? Closest(string typed, IReadOnlyList<AccountFilterKind> kinds)
    {
        var lowered = typed.ToLowerInvariant();
        return kinds.SelectMany(Of)
            .Select(value => (Value: value, Similarity: Fuzz.Ratio(lowered, value.ToLowerInvariant())))
            .Where(candidate => candidate.Similarity >= SuggestionSimilarity)
            .OrderByDescending(candidate => candidate.Similarity)
            .ThenBy(candidate => candidate.Value, StringComparer.OrdinalIgnoreCase)
            .Select(candidate => candidate.Value)
            .FirstOrDefault();
    }

    private static string List(IReadOnlyList<string> values) =>
        values.Count <= MaxListed
            ? string.Join(", ", values)
            : string.Join(", ", values.Take(MaxListed)) + string.Create(CultureInfo.InvariantCulture, $" and {values.Count - MaxListed} more");

    private static string Noun(AccountFilterKind kind) => kind switch
    {
        AccountFilterKind.Industry => "industry",
        AccountFilterKind.Region => "region",
        AccountFilterKind.Country => "country",
        _ => "account owner",
    };

    private static string PluralNoun(AccountFilterKind kind) => kind switch
    {
        AccountFilterKind.Industry => "Industries",
        AccountFilterKind.Region => "Regions",
        AccountFilterKind.Country => "Countries",
        _ => "Account owners",
    };

    private static List<string> Distinct(IEnumerable<string?> values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v))
            .Select(v => v!.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();

    [GeneratedRegex(@"^(?<kind>industry|region|country|owner)(?:\s*[:=]\s*|\s+)(?<value>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex KindPattern();
}
