using System.Globalization;
using Microsoft.Extensions.Options;

namespace Abm.Core.Scoring;

/// <summary>
/// Validates <see cref="ScoringOptions"/> at start. Each failure names the configuration key,
/// the value found and the fix.
/// </summary>
public sealed class ScoringOptionsValidator : IValidateOptions<ScoringOptions>
{
    private const string Fit = ScoringOptions.SectionName + ":Fit";
    private const string Engagement = ScoringOptions.SectionName + ":Engagement";

    public ValidateOptionsResult Validate(string? name, ScoringOptions options)
    {
        var errors = FindErrors(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Lists every invalid setting; empty when the options are valid.</summary>
    public static IReadOnlyList<string> FindErrors(ScoringOptions options)
    {
        var errors = new List<string>();
        CheckFit(options.Fit, errors);
        CheckEngagement(options.Engagement, errors);
        return errors;
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> listing every invalid setting.</summary>
    public static void ThrowIfInvalid(ScoringOptions options)
    {
        var errors = FindErrors(options);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(ScoringOptions.SectionName, typeof(ScoringOptions), errors);
        }
    }

    private static void CheckFit(FitOptions fit, List<string> errors)
    {
        (string Key, double Value)[] weights =
        [
            ("IndustryWeight", fit.IndustryWeight),
            ("EmployeesWeight", fit.EmployeesWeight),
            ("RevenueWeight", fit.RevenueWeight),
            ("RegionWeight", fit.RegionWeight),
            ("ParentWeight", fit.ParentWeight),
            ("LifetimeValueWeight", fit.LifetimeValueWeight),
        ];
        foreach (var (key, value) in weights)
        {
            if (!double.IsFinite(value) || value < 0)
            {
                errors.Add($"{Fit}:{key} is {Show(value)}; set a weight of 0 or more.");
            }
        }

        var sum = weights.Sum(w => w.Value);
        if (double.IsFinite(sum) && Math.Abs(sum - 100) > 0.001)
        {
            errors.Add($"The {Fit}:*Weight settings sum to {Show(sum)}; change them so they sum to 100.");
        }

        CheckShares($"{Fit}:Industries", fit.Industries, errors);
        CheckShares($"{Fit}:Regions", fit.Regions, errors);
        CheckBands($"{Fit}:EmployeeBands", fit.EmployeeBands, errors);
        CheckBands($"{Fit}:RevenueBandsUsd", fit.RevenueBandsUsd, errors);
        CheckShare($"{Fit}:OtherIndustryShare", fit.OtherIndustryShare, errors);
        CheckShare($"{Fit}:OtherRegionShare", fit.OtherRegionShare, errors);
        CheckShare($"{Fit}:SubsidiaryShare", fit.SubsidiaryShare, errors);
        CheckShare($"{Fit}:ParentShare", fit.ParentShare, errors);
        CheckShare($"{Fit}:StandaloneShare", fit.StandaloneShare, errors);
        CheckPositive($"{Fit}:AnnualValuePerEmployeeUsd", fit.AnnualValuePerEmployeeUsd, errors);
        CheckPositive($"{Fit}:LifetimeYears", fit.LifetimeYears, errors);
        CheckPositive($"{Fit}:LifetimeValueTargetUsd", fit.LifetimeValueTargetUsd, errors);
        CheckThresholds(Fit, [("TierC", fit.TierC), ("TierB", fit.TierB), ("TierA", fit.TierA)], errors);
    }

    private static void CheckEngagement(EngagementOptions engagement, List<string> errors)
    {
        foreach (var (type, options) in engagement.EventTypes)
        {
            if (string.IsNullOrWhiteSpace(type))
            {
                errors.Add($"{Engagement}:EventTypes has an empty type key; name the type, such as web_visit.");
                continue;
            }

            CheckEventType($"{Engagement}:EventTypes:{type}", options, errors);
        }

        CheckEventType($"{Engagement}:UnknownType", engagement.UnknownType, errors);

        foreach (var (seniority, multiplier) in engagement.PersonaMultipliers)
        {
            if (!double.IsFinite(multiplier) || multiplier < 0)
            {
                errors.Add($"{Engagement}:PersonaMultipliers:{seniority} is {Show(multiplier)}; set a multiplier of 0 or more, such as 1.0.");
            }
        }

        if (!double.IsFinite(engagement.AnonymousMultiplier) || engagement.AnonymousMultiplier < 0)
        {
            errors.Add($"{Engagement}:AnonymousMultiplier is {Show(engagement.AnonymousMultiplier)}; set a multiplier of 0 or more, such as 1.0.");
        }

        CheckPositive($"{Engagement}:ContactDailyCap", engagement.ContactDailyCap, errors);
        CheckPositive($"{Engagement}:Scale", engagement.Scale, errors);
        CheckThresholds(
            Engagement,
            [("WarmThreshold", engagement.WarmThreshold), ("EngagedThreshold", engagement.EngagedThreshold), ("HotThreshold", engagement.HotThreshold)],
            errors);

        if (engagement.BreadthWindow <= TimeSpan.Zero)
        {
            errors.Add($"{Engagement}:BreadthWindow is {engagement.BreadthWindow.ToString("c", CultureInfo.InvariantCulture)}; set a positive duration such as 90.00:00:00.");
        }

        if (engagement.TopEventCount is < 1 or > 100)
        {
            errors.Add($"{Engagement}:TopEventCount is {engagement.TopEventCount.ToString(CultureInfo.InvariantCulture)}; set a count from 1 to 100.");
        }
    }

    private static void CheckEventType(string key, EventTypeOptions? options, List<string> errors)
    {
        if (options is null)
        {
            errors.Add($"{key} is empty; give it Points and HalfLife, or remove the key.");
            return;
        }

        if (!double.IsFinite(options.Points))
        {
            errors.Add($"{key}:Points is {Show(options.Points)}; set a finite number.");
        }

        if (!double.IsFinite(options.PointsPerUnit) || options.PointsPerUnit < 0)
        {
            errors.Add($"{key}:PointsPerUnit is {Show(options.PointsPerUnit)}; set 0 or more.");
        }

        if (!double.IsFinite(options.DefaultQuantity) || options.DefaultQuantity < 0)
        {
            errors.Add($"{key}:DefaultQuantity is {Show(options.DefaultQuantity)}; set 0 or more.");
        }

        if (options.HalfLife <= TimeSpan.Zero)
        {
            errors.Add($"{key}:HalfLife is {options.HalfLife.ToString("c", CultureInfo.InvariantCulture)}; set a positive duration such as 30.00:00:00.");
        }
    }

    private static void CheckShares(string key, Dictionary<string, double> shares, List<string> errors)
    {
        foreach (var (name, share) in shares)
        {
            CheckShare($"{key}:{name}", share, errors);
        }
    }

    private static void CheckBands(string key, Dictionary<string, double> bands, List<string> errors)
    {
        foreach (var (bound, share) in bands)
        {
            if (!double.TryParse(bound, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < 0)
            {
                errors.Add($"{key} has the bound '{bound}'; write each key as a number of 0 or more, such as 1000.");
            }

            CheckShare($"{key}:{bound}", share, errors);
        }
    }

    private static void CheckShare(string key, double share, List<string> errors)
    {
        if (!double.IsFinite(share) || share is < 0 or > 1)
        {
            errors.Add($"{key} is {Show(share)}; set a share from 0 to 1.");
        }
    }

    private static void CheckPositive(string key, double value, List<string> errors)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            errors.Add($"{key} is {Show(value)}; set a number greater than 0.");
        }
    }

    private static void CheckThresholds(string section, (string Key, double Value)[] ascending, List<string> errors)
    {
        for (var i = 0; i < ascending.Length; i++)
        {
            var (key, value) = ascending[i];
            if (!double.IsFinite(value) || value <= 0 || value > 100)
            {
                errors.Add($"{section}:{key} is {Show(value)}; set a score above 0 and at most 100.");
            }
            else if (i > 0 && value <= ascending[i - 1].Value)
            {
                errors.Add($"{section}:{key} is {Show(value)}, not above {section}:{ascending[i - 1].Key} ({Show(ascending[i - 1].Value)}); raise it or lower the other.");
            }
        }
    }

    private static string Show(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
