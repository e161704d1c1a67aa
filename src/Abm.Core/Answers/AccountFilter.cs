namespace Abm.Core.Answers;

/// <summary>Which account attribute a filter compares.</summary>
public enum AccountFilterKind
{
    Industry,
    Region,
    Country,
    Owner,
}

/// <summary>A filter on accounts, recognised against values present in the data.</summary>
/// <param name="Description">The filter in words, such as "in EMEA", "owned by Ana Ruiz" or "in my accounts".</param>
public sealed record AccountFilter(AccountFilterKind Kind, string Value, string Description)
{
    public bool Matches(AccountSnapshot snapshot)
    {
        var account = snapshot.Account;
        return Kind switch
        {
            AccountFilterKind.Industry => Same(account.Industry, Value),
            AccountFilterKind.Region => Same(account.Region, Value),
            AccountFilterKind.Country => Same(account.Country, Value),
            AccountFilterKind.Owner => string.Equals(account.OwnerId, Value, StringComparison.Ordinal),
            _ => false,
        };
    }

    /// <summary>Result of resolving typed filter text.</summary>
    /// <param name="Error">Why the text matched nothing, with the fix, or null when it resolved.</param>
    public sealed record Resolution(AccountFilter? Filter, string? Error);

    /// <summary>
    /// Resolves typed text against the industries, regions, countries and owner names in the
    /// data, ignoring case; "my accounts" becomes the asker's own accounts. A leading kind word,
    /// as in "industry Software" or "owner Ana Ruiz", limits the search to that attribute.
    /// </summary>
    public static Resolution Resolve(string text, PortfolioData data, string? askerPersonId)
    {
        if (text == QuestionParser.MyAccounts)
        {
            if (askerPersonId is null)
            {
                return new(null, "I could not tell who you are, so I cannot find your accounts. Ask by owner name instead, such as \"top 10 accounts owned by <name>\".");
            }

            var name = data.People.TryGetValue(askerPersonId, out var me) ? me.Name : askerPersonId;
            return new(new AccountFilter(AccountFilterKind.Owner, askerPersonId, $"owned by you ({name})"), null);
        }

        var typed = text.Trim();
        var values = AccountFilterValues.From(data);
        if (Find(values, typed, Enum.GetValues<AccountFilterKind>()) is { } filter)
        {
            return new(filter, null);
        }

        // "industry Spaceships": the value after the kind word, searched in that kind only.
        if (AccountFilterValues.SplitKind(typed) is { } split)
        {
            return Find(values, split.Value, [split.Kind]) is { } kindFilter
                ? new(kindFilter, null)
                : new(null, values.Unknown(split.Value, [split.Kind]));
        }

        return new(null, values.Unknown(typed, Enum.GetValues<AccountFilterKind>()));
    }

    private static AccountFilter? Find(AccountFilterValues values, string wanted, IReadOnlyList<AccountFilterKind> kinds)
    {
        foreach (var kind in kinds)
        {
            if (kind == AccountFilterKind.Owner)
            {
                var byFirstOrLastName = values.Owners.Where(p => FirstNameOrLastName(p.Name, wanted)).ToList();
                var owner = values.Owners.FirstOrDefault(p => Same(p.Name, wanted) || Same(p.Email, wanted))
                    ?? (byFirstOrLastName.Count == 1 ? byFirstOrLastName[0] : null);
                if (owner is not null)
                {
                    return new AccountFilter(AccountFilterKind.Owner, owner.Id, $"owned by {owner.Name}");
                }

                continue;
            }

            if (FindValue(values.Of(kind), wanted) is { } value)
            {
                return new AccountFilter(kind, value, $"in {value}");
            }
        }

        return null;
    }

    private static string? FindValue(IEnumerable<string> values, string wanted) =>
        values.FirstOrDefault(v => Same(v, wanted))?.Trim();

    private static bool Same(string? value, string wanted) =>
        value is not null && string.Equals(value.Trim(), wanted, StringComparison.OrdinalIgnoreCase);

    private static bool FirstNameOrLastName(string name, string wanted)
    {
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > 1 && (Same(parts[0], wanted) || Same(parts[^1], wanted));
    }
}
