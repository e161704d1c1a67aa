namespace Abm.Core.Tests;

public class DateTextTests
{
    [Theory]
    [InlineData("2026-12-04T12:00:00Z", "4 Dec 2026")]
    [InlineData("2026-12-05T01:30:00+02:00", "4 Dec 2026")]
    [InlineData("2027-01-31T23:59:59Z", "31 Jan 2027")]
    public void Date_UtcDayMonthYear(string instant, string expected)
    {
        Assert.Equal(expected, DateText.Date(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2026-12-04T14:05:30Z", "4 Dec 2026 14:05 UTC")]
    [InlineData("2026-12-05T01:30:00+02:00", "4 Dec 2026 23:30 UTC")]
    [InlineData("2026-03-20T09:00:00Z", "20 Mar 2026 09:00 UTC")]
    public void DateAndTime_UtcToTheMinute(string instant, string expected)
    {
        Assert.Equal(expected, DateText.DateAndTime(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
