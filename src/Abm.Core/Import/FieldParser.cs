using System.Globalization;

namespace Abm.Core.Import;

/// <summary>Parses field text into typed values; each failure returns what was expected, for the error message.</summary>
internal static class FieldParser
{
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mmK",
    ];

    private const DateTimeStyles InstantStyles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces;

    /// <summary>Parses <paramref name="text"/>; on failure returns false and sets <paramref name="expected"/>.</summary>
    public static bool TryParse(FieldDefinition field, FieldSpec spec, string text, out object? value, out string expected)
    {
        value = null;
        expected = "";
        switch (field.Kind)
        {
            case FieldKind.Text:
                value = text;
                return true;

            case FieldKind.Domain:
                value = WebDomain.Normalize(text);
                return true;

            case FieldKind.WholeNumber:
                // Every whole-number field (employees) is a count, so a negative value is invalid.
                expected = "a whole number of 0 or more, such as 1200";
                if (!decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var whole))
                {
                    return false;
                }

                whole = Math.Round(whole * (spec.Multiply ?? 1m));
                if (whole is < 0 or > int.MaxValue)
                {
                    return false;
                }

                value = (int)whole;
                return true;

            case FieldKind.Number:
                // Every number field (revenue, amount, quantity) is a size, so a negative value is invalid.
                expected = "a number of 0 or more, such as 1234.56 (a dot for decimals)";
                if (!decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number))
                {
                    return false;
                }

                number *= spec.Multiply ?? 1m;
                if (number < 0)
                {
                    return false;
                }

                value = number;
                return true;

            case FieldKind.Instant:
                var formats = spec.Formats.Count > 0 ? spec.Formats.ToArray() : IsoFormats;
                expected = spec.Formats.Count > 0
                    ? $"a date in the format {string.Join(" or ", spec.Formats)}"
                    : "an ISO 8601 date such as 2024-03-01 or 2024-03-01T14:30:00Z";
                if (!DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, InstantStyles, out var instant))
                {
                    return false;
                }

                value = instant;
                return true;

            case FieldKind.Boolean:
                expected = "true or false (also yes/no, 1/0)";
                value = text.ToLowerInvariant() switch
                {
                    "true" or "yes" or "1" => true,
                    "false" or "no" or "0" => false,
                    _ => null,
                };
                return value is not null;

            case FieldKind.TimeZone:
                expected = "an IANA time zone such as Europe/Berlin";
                if (!TimeZoneInfo.TryFindSystemTimeZoneById(text, out _))
                {
                    return false;
                }

                value = text;
                return true;

            case FieldKind.Enum:
                var names = Enum.GetNames(field.EnumType!);
                expected = "one of " + string.Join(", ", names.Select(ToSnakeCase));
                var wanted = Squash(text);
                var match = names.FirstOrDefault(n => string.Equals(Squash(n), wanted, StringComparison.OrdinalIgnoreCase));
                if (match is null)
                {
                    return false;
                }

                value = Enum.Parse(field.EnumType!, match);
                return true;

            default:
                throw new InvalidOperationException($"Unknown field kind {field.Kind}.");
        }
    }

    /// <summary>Drops separators so <c>closed_won</c>, <c>Closed Won</c> and <c>ClosedWon</c> compare equal.</summary>
    private static string Squash(string value) => new(value.Where(char.IsLetterOrDigit).ToArray());

    private static string ToSnakeCase(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
