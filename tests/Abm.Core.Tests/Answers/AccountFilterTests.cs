using System.Globalization;
using Abm.Core.Answers;
using Abm.Core.Domain;

namespace Abm.Core.Tests.Answers;

public class AccountFilterTests
{
    private static PortfolioData Data(IEnumerable<Account> accounts) =>
        new([.. accounts], new Dictionary<string, Person>(), new Dictionary<string, Contact>(), [], [], new HashSet<string>(), new HashSet<string>());

    [Fact]
    public void Resolve_LongList_CountsTheRest()
    {
        var accounts = Enumerable.Range(1, AccountFilterValues.MaxListed + 3)
            .Select(i => new Account { Id = "a-" + i, Name = "Account " + i, Industry = "Industry " + i.ToString("D2", CultureInfo.InvariantCulture) });

        var error = AccountFilter.Resolve("industry Spaceships", Data(accounts), null).Error;

        Assert.EndsWith("Industry 14, Industry 15 and 3 more.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_NoAccounts_SaysImportFirst()
    {
        var error = AccountFilter.Resolve("Spaceships", Data([]), null).Error;

        Assert.Equal(
            "No industry, region, country or account owner matches \"Spaceships\". No accounts are stored yet, so there is nothing to filter. Import accounts with \"abm import\" first.",
            error);
    }

    [Fact]
    public void Resolve_KindWithoutValues_SaysSo()
    {
        var error = AccountFilter.Resolve("country Mars", Data([new Account { Id = "a-1", Name = "One", Industry = "Software" }]), null).Error;

        Assert.Equal("No country matches \"Mars\". The stored accounts have no countries yet, so there is nothing to filter by.", error);
    }

    [Fact]
    public void Resolve_ValueStartingWithKindWord_MatchesWhole()
    {
        var data = Data([new Account { Id = "a-1", Name = "One", Industry = "Country Clubs" }]);

        var filter = AccountFilter.Resolve("Country Clubs", data, null).Filter;

        Assert.Equal(AccountFilterKind.Industry, filter?.Kind);
    }
}
