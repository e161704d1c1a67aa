using Abm.Core.Answers;

namespace Abm.Core.Tests.Answers;

public class AccountMatcherTests
{
    private static readonly AccountName[] Accounts =
    [
        new("a-1", "Contoso Ltd", "contoso.com"),
        new("a-2", "Contoso Pharma", "contosopharma.com"),
        new("a-3", "Fabrikam, Inc.", "fabrikam.com"),
        new("a-4", "Northwind Traders", null),
        new("a-5", "Wal-Mart Stores", "walmart.com"),
        new("a-6", "Bank of America", "bankofamerica.com"),
        new("a-7", "Bank of New York Mellon", "bnymellon.com"),
        new("a-8", "AT&T", "att.com"),
    ];

    [Theory]
    [InlineData("Contoso Ltd", "a-1")]
    [InlineData("contoso ltd", "a-1")]
    [InlineData("contoso", "a-1")]
    [InlineData("CONTOSO.COM", "a-1")]
    [InlineData("https://www.contoso.com/", "a-1")]
    [InlineData("a-3", "a-3")]
    [InlineData("Fabrikam", "a-3")]
    [InlineData("the fabrikam inc", "a-3")]
    [InlineData("northwind", "a-4")]
    [InlineData("walmart", "a-5")]
    [InlineData("Wal Mart", "a-5")]
    [InlineData("at&t", "a-8")]
    [InlineData("AT and T", "a-8")]
    [InlineData("fabrkam", "a-3")]
    [InlineData("Northwind Tradrs", "a-4")]
    public void Match_Resolves(string typed, string expectedId)
    {
        var result = AccountMatcher.Match(typed, Accounts);

        Assert.Equal(expectedId, result.Account?.Id);
    }

    [Theory]
    [InlineData("fabrkam", "Fabrikam, Inc.")]
    [InlineData("Northwind Tradrs", "Northwind Traders")]
    [InlineData("Contoso Ltd", null)]
    [InlineData("CONTOSO LTD.", null)]
    [InlineData("the fabrikam inc", null)]
    [InlineData("Wal Mart", null)]
    [InlineData("walmart.com", null)]
    [InlineData("northwind", null)]
    [InlineData("AT and T", null)]
    public void Match_FlagsOnlyFuzzyMatches(string typed, string? corrected)
    {
        var result = AccountMatcher.Match(typed, Accounts);

        Assert.Equal(corrected is null ? null : new NameCorrection(typed, corrected), result.Correction);
    }

    [Fact]
    public void Match_SharedPrefix_Suggests()
    {
        var result = AccountMatcher.Match("bank", Accounts);

        Assert.Null(result.Account);
        Assert.Equal(["a-6", "a-7"], result.Suggestions.Select(s => s.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Match_Typo_SuggestsClosest()
    {
        var result = AccountMatcher.Match("nortwnd", Accounts);

        Assert.Null(result.Account);
        Assert.Equal("a-4", result.Suggestions[0].Id);
        Assert.InRange(result.Suggestions[0].Similarity, AccountMatcher.SuggestionSimilarity, AccountMatcher.ConfidentSimilarity - 1);
    }

    [Fact]
    public void Match_Unrelated_NoSuggestions()
    {
        var result = AccountMatcher.Match("zzzz qqqq", Accounts);

        Assert.Null(result.Account);
        Assert.Empty(result.Suggestions);
    }

    [Fact]
    public void Match_DuplicateNames_AsksWhich()
    {
        AccountName[] twins = [new("x-1", "Acme Inc", null), new("x-2", "ACME Corp", null)];

        var result = AccountMatcher.Match("acme", twins);

        Assert.Null(result.Account);
        Assert.Equal(2, result.Suggestions.Count);
    }

    [Theory]
    [InlineData("The Contoso, Inc.", "contoso")]
    [InlineData("AT&T", "at and t")]
    [InlineData("McDonald&#8217;s", "mcdonalds")]
    [InlineData("Group", "group")]
    public void Normalise_Cases(string name, string expected)
    {
        Assert.Equal(expected, AccountMatcher.Normalise(name));
    }
}
