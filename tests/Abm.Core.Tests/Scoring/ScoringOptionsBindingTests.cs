using Abm.Core.Domain;
using Abm.Core.Scoring;
using Microsoft.Extensions.Configuration;

namespace Abm.Core.Tests.Scoring;

public class ScoringOptionsBindingTests
{
    private static ScoringOptions Bind(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var options = new ScoringOptions();
        configuration.GetSection(ScoringOptions.SectionName).Bind(options);
        return options;
    }

    [Fact]
    public void Bind_EventTypeOverride_KeepsOtherDefaults()
    {
        var options = Bind(("Abm:Scoring:Engagement:EventTypes:meeting:HalfLife", "10.00:00:00"), ("Abm:Scoring:Engagement:EventTypes:chat_started:Points", "3"));
        var model = new AesModel(options);

        Assert.Equal(TimeSpan.FromDays(10), options.Engagement.EventTypes["meeting"].HalfLife);
        Assert.Equal(1, options.Engagement.EventTypes["meeting"].PointsPerUnit);
        Assert.Equal(3, options.Engagement.EventTypes["chat_started"].Points);
        Assert.NotEqual(AesModel.UnknownTypeIndex, model.TypeIndexOf("web_visit"));
    }

    [Fact]
    public void Bind_PersonaMultiplierByName()
    {
        var options = Bind(("Abm:Scoring:Engagement:PersonaMultipliers:CLevel", "3"));

        Assert.Equal(3, options.Engagement.PersonaMultipliers[Seniority.CLevel]);
        Assert.Equal(1.5, options.Engagement.PersonaMultipliers[Seniority.VicePresident]);
    }

    [Fact]
    public void Bind_FitBandsAndExclusions()
    {
        var options = Bind(
            ("Abm:Scoring:Fit:EmployeeBands:20000", "1"),
            ("Abm:Scoring:Fit:EmployeeBands:5000", "0.9"),
            ("Abm:Scoring:Fit:ExcludedCountries:0", "Atlantis"));
        var scorer = new FitScorer(options);
        var large = new Account { Id = "a-1", Name = "Deep Dig", Employees = 6000 };
        var excluded = new Account { Id = "a-2", Name = "Sunken Co", Country = "atlantis" };

        // 6,000 employees fall in the 5,000 band: 0.9 × 15 points.
        Assert.Equal(13.5, scorer.Score(large).Contributions.Single(c => c.Criterion == "employees").Points);
        Assert.Equal("atlantis is an excluded country", scorer.Score(excluded).Exclusion);
    }

    [Fact]
    public void Bind_IndustryShare_IsCaseInsensitive()
    {
        var options = Bind(("Abm:Scoring:Fit:Industries:mining", "0.8"));
        var account = new Account { Id = "a-1", Name = "Deep Dig", Industry = "Mining" };

        var industry = new FitScorer(options).Score(account).Contributions.Single(c => c.Criterion == "industry");

        Assert.Equal(20, industry.Points);
    }
}
