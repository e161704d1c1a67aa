using Abm.Core.Domain;
using Abm.Core.Scoring;

namespace Abm.Core.Tests.Scoring;

public class FitScorerTests
{
    private static readonly FitScorer Scorer = new(new ScoringOptions());

    private static Account IdealAccount() => new()
    {
        Id = "a-1",
        Name = "Contoso",
        Industry = "Software",
        Employees = 5000,
        AnnualRevenueUsd = 1_000_000_000m,
        Region = "North America",
        Country = "United States",
    };

    private static double PointsOf(FitResult result, string criterion) =>
        result.Contributions.Single(c => c.Criterion == criterion).Points;

    [Fact]
    public void Score_IdealStandalone_Is95()
    {
        // 25 industry + 15 employees + 15 revenue + 15 region + 10 × 0.5 standalone + 20 lifetime value.
        var result = Scorer.Score(IdealAccount());

        Assert.Equal(95, result.Score);
        Assert.Equal(FitTier.A, result.Tier);
        Assert.Null(result.Exclusion);
    }

    [Fact]
    public void Score_ContributionsSumToScore()
    {
        var account = IdealAccount();
        account.Industry = "Retail";
        account.Employees = 1200;

        var result = Scorer.Score(account);

        Assert.Equal(result.Score, result.Contributions.Sum(c => c.Points), 6);
    }

    [Theory]
    [InlineData("Software", 25)]
    [InlineData("software", 25)]
    [InlineData("Financials", 17.5)]
    [InlineData("Mining", 5)]
    [InlineData(null, 0)]
    public void Industry_ScoresByShare(string? industry, double expected)
    {
        var account = IdealAccount();
        account.Industry = industry;

        Assert.Equal(expected, PointsOf(Scorer.Score(account), "industry"));
    }

    [Theory]
    [InlineData(5000, 15)]
    [InlineData(4999, 12)]
    [InlineData(1000, 12)]
    [InlineData(200, 7.5)]
    [InlineData(50, 3)]
    [InlineData(49, 0)]
    public void Employees_ScoreByBand(int employees, double expected)
    {
        var account = IdealAccount();
        account.Employees = employees;

        Assert.Equal(expected, PointsOf(Scorer.Score(account), "employees"));
    }

    [Theory]
    [InlineData(2_000_000_000, 15)]
    [InlineData(999_999_999, 10.5)]
    [InlineData(10_000_000, 6)]
    [InlineData(999_999, 0)]
    public void Revenue_ScoresByBand(long revenue, double expected)
    {
        var account = IdealAccount();
        account.AnnualRevenueUsd = revenue;

        Assert.Equal(expected, PointsOf(Scorer.Score(account), "revenue"));
    }

    [Theory]
    [InlineData("EMEA", "France", 10.5)]
    [InlineData("Atlantis", "Germany", 10.5)]
    [InlineData("Atlantis", null, 4.5)]
    [InlineData(null, null, 0)]
    public void Region_TakesBetterOfRegionAndCountry(string? region, string? country, double expected)
    {
        var account = IdealAccount();
        account.Region = region;
        account.Country = country;

        Assert.Equal(expected, PointsOf(Scorer.Score(account), "region"));
    }

    [Fact]
    public void Parent_SubsidiaryAndParentScoreFull()
    {
        var subsidiary = IdealAccount();
        subsidiary.ParentAccountId = "a-0";

        Assert.Equal(10, PointsOf(Scorer.Score(subsidiary), "parent"));
        Assert.Equal(10, PointsOf(Scorer.Score(IdealAccount(), hasSubsidiaries: true), "parent"));
        Assert.Equal(5, PointsOf(Scorer.Score(IdealAccount()), "parent"));
    }

    [Theory]
    [InlineData(10_000, 20)]
    [InlineData(2500, 10)]
    [InlineData(500, 2)]
    public void LifetimeValue_ScalesWithEmployees(int employees, double expected)
    {
        // 2,500 employees × $20 × 3 years = $150,000, half of the $300,000 target.
        var account = IdealAccount();
        account.Employees = employees;

        Assert.Equal(expected, PointsOf(Scorer.Score(account), "lifetime value"));
    }

    [Fact]
    public void LifetimeValue_ReasonNamesTarget()
    {
        var account = IdealAccount();
        account.Employees = 2500;

        var reason = Scorer.Score(account).Contributions.Single(c => c.Criterion == "lifetime value").Reason;

        Assert.Equal("Pro-forma lifetime value $150K is 50 % of the $300K target", reason);
    }

    [Fact]
    public void Exclusion_IndustryForcesZero()
    {
        var options = new ScoringOptions();
        options.Fit.ExcludedIndustries.Add("Tobacco");
        var account = IdealAccount();
        account.Industry = "tobacco";

        var result = new FitScorer(options).Score(account);

        Assert.Equal(0, result.Score);
        Assert.Equal(FitTier.None, result.Tier);
        Assert.Equal("tobacco is an excluded industry", result.Exclusion);
        Assert.All(result.Contributions, c => Assert.Equal(0, c.Points));
    }

    [Fact]
    public void Exclusion_CountryForcesZero()
    {
        var options = new ScoringOptions();
        options.Fit.ExcludedCountries.Add("United States");

        var result = new FitScorer(options).Score(IdealAccount());

        Assert.Equal(0, result.Score);
        Assert.NotNull(result.Exclusion);
    }

    [Theory]
    [InlineData(100, FitTier.A)]
    [InlineData(75, FitTier.A)]
    [InlineData(74.99, FitTier.B)]
    [InlineData(50, FitTier.B)]
    [InlineData(49.99, FitTier.C)]
    [InlineData(25, FitTier.C)]
    [InlineData(24.99, FitTier.None)]
    [InlineData(0, FitTier.None)]
    public void TierOf_Boundaries(double score, FitTier expected)
    {
        Assert.Equal(expected, Scorer.TierOf(score));
    }
}
