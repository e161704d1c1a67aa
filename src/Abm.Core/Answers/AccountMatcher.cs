using System.Text;
using FuzzySharp;

namespace Abm.Core.Answers;

/// <summary>The fields of an account that name matching compares.</summary>
public sealed record AccountName(string Id, string Name, string? Domain);

/// <summary>The account a name resolved to, or the closest names when none was certain.</summary>
public sealed record AccountMatchResult(AccountName? Account, IReadOnlyList<AccountMatch> Suggestions)
{
    /// <summary>Set when <see cref="Account"/> was chosen by fuzzy similarity, so the reply names the account it shows.</summary>
    public NameCorrection? Correction { get; init; }
}

/// <summary>
/// Resolves a typed account name. An exact id, name or web domain wins first, ignoring case,
/// punctuation and legal suffixes such as "Inc". Next comes the only name that starts with the
/// typed words. Last, fuzzy similarity (FuzzySharp) decides, but only when one name clearly wins.
/// </summary>
public static class AccountMatcher
{
    /// <summary>Lowest similarity (0–100) accepted without asking back.</summary>
    public const int ConfidentSimilarity = 90;

    /// <summary>How far ahead of the runner-up a fuzzy match must be to be accepted.</summary>
    public const int ConfidentLead = 5;

    /// <summary>Lowest similarity offered as "did you mean".</summary>
    public const int SuggestionSimilarity = 60;

    public const int MaxSuggestions = 5;

    private static readonly HashSet<string> NoiseWords = new(StringComparer.Ordinal)
    {
        "the", "inc", "incorporated", "corp", "corporation", "co", "company", "companies", "cos", "ltd", "limited",
        "llc", "plc", "gmbh", "ag", "sa", "nv", "bv", "group", "holding", "holdings",
    };

    public static AccountMatchResult Match(string query, IReadOnlyList<AccountName> accounts)
    {
        var typed = query.Trim();
        var normalised = Normalise(typed);
        if (normalised.Length == 0)
        {
            return new(null, []);
        }

        var exact = accounts.Where(a => IsExact(a, typed, normalised)).ToList();
        if (exact.Count == 1)
        {
            return new(exact[0], []);
        }

        if (exact.Count > 1)
        {
            return new(null, exact.Take(MaxSuggestions).Select(a => new AccountMatch(a.Id, a.Name, 100)).ToList());
        }

        var collapsed = normalised.Replace(" ", string.Empty, StringComparison.Ordinal);
        var prefixed = accounts
            .Where(a => StartsWithWords(Normalise(a.Name), normalised) || (collapsed.Length >= 4 && Normalise(a.Name).Replace(" ", string.Empty, StringComparison.Ordinal).StartsWith(collapsed, StringComparison.Ordinal)))
            .ToList();
        if (prefixed.Count == 1)
        {
            return new(prefixed[0], []);
        }

        var ranked = accounts
            .Select(a => new AccountMatch(a.Id, a.Name, Similarity(normalised, Normalise(a.Name))))
            .OrderByDescending(m => m.Similarity)
            .ThenBy(m => m.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

        if (prefixed.Count == 0 && ranked.Count > 0 && ranked[0].Similarity >= ConfidentSimilarity
            && (ranked.Count == 1 || ranked[1].Similarity <= ranked[0].Similarity - ConfidentLead))
        {
            var closest = accounts.First(a => a.Id == ranked[0].Id);
            return new(closest, []) { Correction = new NameCorrection(typed, closest.Name) };
        }

        // Several names start with the typed words: offer those first, then the fuzzy ones.
        var prefixIds = prefixed.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var suggestions = ranked.Where(m => prefixIds.Contains(m.Id))
            .Concat(ranked.Where(m => !prefixIds.Contains(m.Id) && m.Similarity >= SuggestionSimilarity))
            .Take(MaxSuggestions)
            .ToList();
        return new(null, suggestions);
    }

    /// <summary>Lower-cases, drops punctuation and legal suffixes, and collapses spaces: "The Contoso, Inc." → "contoso".</summary>
    public static string Normalise(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Replace("&#8217;", "'", StringComparison.Ordinal))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c is '&')
            {
                builder.Append(" and ");
            }
            else if (c is not ('\'' or '’'))
            {
                builder.Append(' ');
            }
        }

        var words = builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kept = words.Where(w => !NoiseWords.Contains(w)).ToArray();
        return string.Join(' ', kept.Length > 0 ? kept : words);
    }

    private static bool IsExact(AccountName account, string typed, string normalised)
    {
        if (account.Id.Equals(typed, StringComparison.OrdinalIgnoreCase) || account.Name.Equals(typed, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (Normalise(account.Name) == normalised)
        {
            return true;
        }

        if (string.IsNullOrEmpty(account.Domain))
        {
            return false;
        }

        var domain = account.Domain.ToLowerInvariant();
        var typedDomain = typed.ToLowerInvariant();
        foreach (var prefix in new[] { "https://", "http://", "www." })
        {
            typedDomain = typedDomain.StartsWith(prefix, StringComparison.Ordinal) ? typedDomain[prefix.Length..] : typedDomain;
        }

        typedDomain = typedDomain.TrimEnd('/');
        var label = domain.Split('.')[0];
        return typedDomain == domain || typedDomain == label;
    }

    private static bool StartsWithWords(string name, string words) =>
        name.Length > words.Length ? name.StartsWith(words + " ", StringComparison.Ordinal) : name == words;

    private static int Similarity(string typed, string name)
    {
        var similarity = Math.Max(Fuzz.Ratio(typed, name), Fuzz.TokenSetRatio(typed, name));

        // People type the start of a long name: compare with as many leading words as they typed.
        var typedWords = typed.Split(' ').Length;
        var nameWords = name.Split(' ');
        if (nameWords.Length > typedWords)
        {
            similarity = Math.Max(similarity, Fuzz.Ratio(typed, string.Join(' ', nameWords.Take(typedWords))));
        }

        return similarity;
    }
}
