using Abm.Core.Domain;
using Abm.Core.Scoring;
using Microsoft.Extensions.Options;

namespace Abm.Core.Tests.Scoring;

public class ScoringOptionsValidatorTests
{
    [Fact]
    public void Defaults_AreValid()
    {
        Assert.Empty(ScoringOptionsValidator.FindErrors(new ScoringOptions()));
    }

    [Fact]
    public void Weights_NotSummingTo100_NamesKeysAndSum()
    {
        var options = new ScoringOptions();
        options.Fit.IndustryWeight = 30;

        var error = Assert.Single(ScoringOptionsValidator.FindErrors(options));

        Assert.Contains("Abm:Scoring:Fit:*Weight", error, StringComparison.Ordinal);
        Assert.Contains("105", error, StringComparison.Ordinal);
    }

    [Fact]
    public void HalfLife_Zero_NamesTypeKey()
    {
        var options = new ScoringOptions();
        options.Engagement.EventTypes["meeting"].HalfLife = TimeSpan.Zero;

        var error = Assert.Single(ScoringOptionsValidator.FindErrors(options));

        Assert.StartsWith("Abm:Scoring:Engagement:EventTypes:meeting:HalfLife is 00:00:00", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bands_OutOfOrder_NamesBoth()
    {
        var options = new ScoringOptions();
        options.Engagement.HotThreshold = 40;

        var error = Assert.Single(ScoringOptionsValidator.FindErrors(options));

        Assert.Contains("HotThreshold is 40, not above Abm:Scoring:Engagement:EngagedThreshold (50)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void BandKey_NotNumber_NamesBound()
    {
        var options = new ScoringOptions();
        options.Fit.EmployeeBands["lots"] = 0.5;

        var error = Assert.Single(ScoringOptionsValidator.FindErrors(options));

        Assert.Contains("'lots'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Share_AboveOne_NamesKey()
    {
        var options = new ScoringOptions();
        options.Engagement.PersonaMultipliers[Seniority.CLevel] = -1;
        options.Fit.Industries["Software"] = 1.5;

        var errors = ScoringOptionsValidator.FindErrors(options);

        Assert.Contains(errors, e => e.StartsWith("Abm:Scoring:Fit:Industries:Software is 1.5", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Abm:Scoring:Engagement:PersonaMultipliers:CLevel is -1", StringComparison.Ordinal));
    }

    [Fact]
    public void Scorer_InvalidOptions_Throws()
    {
        var options = new ScoringOptions();
        options.Engagement.Scale = 0;

        var exception = Assert.Throws<OptionsValidationException>(() => new AesModel(options));

        Assert.Contains("Abm:Scoring:Engagement:Scale is 0", exception.Message, StringComparison.Ordinal);
    }
}
