using System.Globalization;

namespace Abm.Core;

/// <summary>
/// The date formats every reply, card, message and command-line listing shows: "4 Dec 2026" and
/// "4 Dec 2026 14:05 UTC". Both print the instant in UTC with the invariant culture, so a date
/// reads the same in Teams, Slack and the command line whatever the server's locale.
/// </summary>
public static class DateText
{
    /// <summary>Formats the UTC date of an instant, such as "4 Dec 2026".</summary>
    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>Formats an instant to the minute with its zone, such as "4 Dec 2026 14:05 UTC".</summary>
    public static string DateAndTime(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
