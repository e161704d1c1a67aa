using System.Globalization;
using Abm.Core.Domain;
using Microsoft.Extensions.Options;

namespace Abm.Core.Scoring;

/// <summary>Scores an account's ICP fit from its firmographics by the configured profile.</summary>
public sealed class FitScorer
{
    private readonly FitOptions _options;
    private readonly Dictionary<string, double> _industries;
    private readonly Dictionary<string, double> _regions;
    private readonly (double Bound, double Share)[] _employeeBands;
    private readonly (double Bound, double Share)[] _revenueBands;
    private readonly HashSet<string> _excludedIndustries;
    private readonly HashSet<string> _excludedCountries;

    public FitScorer(IOptions<ScoringOptions> options)
        : this(options.Value)
    {
    }

    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public FitScorer(ScoringOptions options)
    {
        ScoringOptionsValidator.ThrowIfInvalid(options);
        _options = options.Fit;
        _industries = new(_options.Industries, StringComparer.OrdinalIgnoreCase);
        _regions = new(_options.Regions, StringComparer.OrdinalIgnoreCase);
        _employeeBands = ToBands(_options.EmployeeBands);
        _revenueBands = ToBands(_options.RevenueBandsUsd);
        _excludedIndustries = new(_options.ExcludedIndustries, StringComparer.OrdinalIgnoreCase);
        _excludedCountries = new(_options.ExcludedCountries, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Scores one account.</summary>
    /// <param name="hasSubsidiaries">Whether other accounts name this one as their parent.</param>
    public FitResult Score(Account account, bool hasSubsidiaries = false)
    {
        FitContribution[] contributions =
        [
            ScoreIndustry(account.Industry),
            ScoreEmployees(account.Employees),
            ScoreRevenue(account.AnnualRevenueUsd),
            ScoreRegion(account.Region, account.Country),
            ScoreParent(account.ParentAccountId, hasSubsidiaries),
            ScoreLifetimeValue(account.Employees),
        ];

        var exclusion = FindExclusion(account);
        if (exclusion is not null)
        {
            // An excluded account earns nothing, but keeps each criterion's reason for the record.
            var zeroed = contributions.Select(c => c with { Points = 0 }).ToArray();
            return new FitResult(account.Id, 0, FitTier.None, zeroed, exclusion);
        }

        var score = Math.Round(contributions.Sum(c => c.Points), 2);
        return new FitResult(account.Id, score, TierOf(score), contributions, null);
    }

    /// <summary>Returns the tier a score falls in; a score equal to a tier's threshold is in that tier.</summary>
    public FitTier TierOf(double score) =>
        score >= _options.TierA ? FitTier.A
        : score >= _options.TierB ? FitTier.B
        : score >= _options.TierC ? FitTier.C
        : FitTier.None;

    private string? FindExclusion(Account account)
    {
        if (account.Industry is { } industry && _excludedIndustries.Contains(industry.Trim()))
        {
            return $"{industry} is an excluded industry";
        }

        if (account.Country is { } country && _excludedCountries.Contains(country.Trim()))
        {
            return $"{country} is an excluded country";
        }

        return null;
    }

    private FitContribution ScoreIndustry(string? industry)
    {
        var weight = _options.IndustryWeight;
        if (string.IsNullOrWhiteSpace(industry))
        {
            return new("industry", 0, weight, "Industry unknown");
        }

        industry = industry.Trim();
        if (_industries.TryGetValue(industry, out var share))
        {
            var reason = share >= 1 ? $"{industry} is a target industry" : $"{industry} is a partial-fit industry ({NumberText.Percent(share)})";
            return new("industry", Points(weight, share), weight, reason);
        }

        return new("industry", Points(weight, _options.OtherIndustryShare), weight, $"{industry} is not a profile industry");
    }

    private FitContribution ScoreEmployees(int? employees)
    {
        var weight = _options.EmployeesWeight;
        if (employees is not { } count)
        {
            return new("employees", 0, weight, "Employee count unknown");
        }

        var (bound, share) = FindBand(_employeeBands, count);
        var reason = bound is { } b
            ? $"{NumberText.Count(count)} employees (band {NumberText.Count((long)b)}+)"
            : $"{NumberText.Count(count)} employees is below every size band";
        return new("employees", Points(weight, share), weight, reason);
    }

    private FitContribution ScoreRevenue(decimal? revenue)
    {
        var weight = _options.RevenueWeight;
        if (revenue is not { } usd)
        {
            return new("revenue", 0, weight, "Annual revenue unknown");
        }

        var (bound, share) = FindBand(_revenueBands, (double)usd);
        var reason = bound is { } b
            ? $"{NumberText.Money(usd)} annual revenue (band {NumberText.Money(b)}+)"
            : $"{NumberText.Money(usd)} annual revenue is below every revenue band";
        return new("revenue", Points(weight, share), weight, reason);
    }

    private FitContribution ScoreRegion(string? region, string? country)
    {
        var weight = _options.RegionWeight;
        var names = new[] { region?.Trim(), country?.Trim() }.Where(n => !string.IsNullOrEmpty(n)).Cast<string>().ToArray();
        if (names.Length == 0)
        {
            return new("region", 0, weight, "Region and country unknown");
        }

        string? best = null;
        var bestShare = -1.0;
        foreach (var name in names)
        {
            if (_regions.TryGetValue(name, out var share) && share > bestShare)
            {
                (best, bestShare) = (name, share);
            }
        }

        if (best is null)
        {
            return new("region", Points(weight, _options.OtherRegionShare), weight, $"{names[0]} is not a profile region");
        }

        var reason = bestShare >= 1 ? $"{best} is a core region" : $"{best} is a partial-fit region ({NumberText.Percent(bestShare)})";
        return new("region", Points(weight, bestShare), weight, reason);
    }

    private FitContribution ScoreParent(string? parentAccountId, bool hasSubsidiaries)
    {
        var weight = _options.ParentWeight;
        if (!string.IsNullOrEmpty(parentAccountId))
        {
            return new("parent", Points(weight, _options.SubsidiaryShare), weight, "Subsidiary of a parent group");
        }

        return hasSubsidiaries
            ? new("parent", Points(weight, _options.ParentShare), weight, "Parent of other accounts")
            : new("parent", Points(weight, _options.StandaloneShare), weight, "Standalone company");
    }

    private FitContribution ScoreLifetimeValue(int? employees)
    {
        var weight = _options.LifetimeValueWeight;
        var target = _options.LifetimeValueTargetUsd;
        if (employees is not { } count)
        {
            return new("lifetime value", 0, weight, "Lifetime value unknown without an employee count");
        }

        var lifetimeValue = count * _options.AnnualValuePerEmployeeUsd * _options.LifetimeYears;
        var share = Math.Min(1, lifetimeValue / target);
        var reason = share >= 1
            ? $"Pro-forma lifetime value {NumberText.Money(lifetimeValue)} meets the {NumberText.Money(target)} target"
            : $"Pro-forma lifetime value {NumberText.Money(lifetimeValue)} is {NumberText.Percent(share)} of the {NumberText.Money(target)} target";
        return new("lifetime value", Points(weight, share), weight, reason);
    }

    private static double Points(double weight, double share) => Math.Round(weight * share, 2);

    private static (double? Bound, double Share) FindBand((double Bound, double Share)[] bands, double value)
    {
        // Bands are sorted by bound, highest first: the first bound the value reaches wins.
        foreach (var (bound, share) in bands)
        {
            if (value >= bound)
            {
                return (bound, share);
            }
        }

        return (null, 0);
    }

    private static (double Bound, double Share)[] ToBands(Dictionary<string, double> bands) =>
        bands
            .Select(b => (Bound: double.Parse(b.Key, NumberStyles.Float, CultureInfo.InvariantCulture), Share: b.Value))
            .OrderByDescending(b => b.Bound)
            .ToArray();
}
