using System.Globalization;

namespace Abm.Core.Scoring;

/// <summary>Formats numbers for reasons and replies, always with the invariant culture.</summary>
public static class NumberText
{
    /// <summary>Formats US dollars compactly: $950, $12.5K, $1.2M, $3.4B.</summary>
    public static string Money(decimal usd)
    {
        var sign = usd < 0 ? "-" : string.Empty;
        var value = Math.Abs(usd);
        var (scaled, suffix) = value switch
        {
            >= 1_000_000_000m => (value / 1_000_000_000m, "B"),
            >= 1_000_000m => (value / 1_000_000m, "M"),
            >= 1_000m => (value / 1_000m, "K"),
            _ => (value, string.Empty),
        };

        // Round down so $999,999 reads $999.9K, never "$1000K".
        var rounded = suffix.Length == 0 ? Math.Round(scaled, 0) : Math.Floor(scaled * 10) / 10;
        return sign + "$" + rounded.ToString("0.#", CultureInfo.InvariantCulture) + suffix;
    }

    /// <summary>Formats US dollars compactly: $950, $12.5K, $1.2M, $3.4B.</summary>
    public static string Money(double usd) => Money((decimal)usd);

    /// <summary>Formats a whole count with thousands separators, such as 12,000.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Formats a score or points with at most one decimal, such as 42 or 7.5.</summary>
    public static string Points(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Formats a signed change with at most one decimal, such as +3.5 or -12.</summary>
    public static string Change(double value) => value.ToString("+0.#;-0.#;0", CultureInfo.InvariantCulture);

    /// <summary>Formats a 0–1 share as a whole percentage, such as 40 %.</summary>
    public static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + " %";
}
