namespace Abm.Core.Scoring;

/// <summary>
/// The ideal customer profile (section <c>Abm:Scoring:Fit</c>): six weighted criteria whose
/// weights sum to 100, each scored as a share from 0 to 1 of its weight, plus exclusions (the
/// negative ICP) that force the score to 0. The defaults are a starting point for a mid-market
/// and enterprise software seller; replace them with the organisation's own profile.
/// </summary>
/// <remarks>
/// Band dictionaries map a lower bound, written as a number in the key, to the share earned at
/// or above it. The highest bound the value reaches wins, and a value below every bound earns 0.
/// Configuration binding merges keys into the defaults, so a default band cannot be removed,
/// only given another share.
/// </remarks>
public sealed class FitOptions
{
    /// <summary>Points for the industry criterion. Default 25.</summary>
    public double IndustryWeight { get; set; } = 25;

    /// <summary>Points for the employee-count criterion. Default 15.</summary>
    public double EmployeesWeight { get; set; } = 15;

    /// <summary>Points for the annual-revenue criterion. Default 15.</summary>
    public double RevenueWeight { get; set; } = 15;

    /// <summary>Points for the region or country criterion. Default 15.</summary>
    public double RegionWeight { get; set; } = 15;

    /// <summary>Points for the parent/subsidiary criterion. Default 10.</summary>
    public double ParentWeight { get; set; } = 10;

    /// <summary>Points for reaching the pro-forma customer-lifetime-value target. Default 20.</summary>
    public double LifetimeValueWeight { get; set; } = 20;

    /// <summary>Share of the industry weight per industry name, compared case-insensitively.</summary>
    public Dictionary<string, double> Industries { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Software"] = 1.0,
        ["Technology"] = 1.0,
        ["Telecommunications"] = 0.8,
        ["Financials"] = 0.7,
        ["Finance"] = 0.7,
        ["Business Services"] = 0.7,
        ["Health Care"] = 0.6,
        ["Medical"] = 0.6,
        ["Marketing"] = 0.6,
        ["Services"] = 0.5,
        ["Retail"] = 0.5,
        ["Retailing"] = 0.5,
        ["Media"] = 0.4,
        ["Entertainment"] = 0.4,
        ["Employment"] = 0.4,
    };

    /// <summary>Share for a known industry missing from <see cref="Industries"/>. Default 0.2.</summary>
    public double OtherIndustryShare { get; set; } = 0.2;

    /// <summary>Share of the employee weight by lower bound of employees.</summary>
    public Dictionary<string, double> EmployeeBands { get; set; } = new(StringComparer.Ordinal)
    {
        ["5000"] = 1.0,
        ["1000"] = 0.8,
        ["200"] = 0.5,
        ["50"] = 0.2,
    };

    /// <summary>Share of the revenue weight by lower bound of annual revenue in US dollars.</summary>
    public Dictionary<string, double> RevenueBandsUsd { get; set; } = new(StringComparer.Ordinal)
    {
        ["1000000000"] = 1.0,
        ["100000000"] = 0.7,
        ["10000000"] = 0.4,
        ["1000000"] = 0.1,
    };

    /// <summary>
    /// Share of the region weight per region or country name, compared case-insensitively; the
    /// better of the account's region and country counts.
    /// </summary>
    public Dictionary<string, double> Regions { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["North America"] = 1.0,
        ["United States"] = 1.0,
        ["Northeast"] = 1.0,
        ["Southeast"] = 1.0,
        ["Midwest"] = 1.0,
        ["West"] = 1.0,
        ["East"] = 1.0,
        ["Central"] = 1.0,
        ["Canada"] = 0.9,
        ["EMEA"] = 0.7,
        ["Europe"] = 0.7,
        ["United Kingdom"] = 0.7,
        ["Germany"] = 0.7,
        ["APAC"] = 0.5,
        ["LATAM"] = 0.4,
    };

    /// <summary>Share for a known region or country missing from <see cref="Regions"/>. Default 0.3.</summary>
    public double OtherRegionShare { get; set; } = 0.3;

    /// <summary>Share when the account belongs to a parent group (a way into the group). Default 1.0.</summary>
    public double SubsidiaryShare { get; set; } = 1.0;

    /// <summary>Share when the account is the parent of other accounts (group-wide deals). Default 1.0.</summary>
    public double ParentShare { get; set; } = 1.0;

    /// <summary>Share for an account with neither a parent nor subsidiaries. Default 0.5.</summary>
    public double StandaloneShare { get; set; } = 0.5;

    /// <summary>Pro-forma annual contract value per employee in US dollars. Default 20.</summary>
    public double AnnualValuePerEmployeeUsd { get; set; } = 20;

    /// <summary>Expected customer lifetime in years. Default 3.</summary>
    public double LifetimeYears { get; set; } = 3;

    /// <summary>
    /// Lifetime value in US dollars that earns the full weight; less earns its share linearly.
    /// Default 300,000 (5,000 employees × $20 × 3 years).
    /// </summary>
    public double LifetimeValueTargetUsd { get; set; } = 300_000;

    /// <summary>Industries the negative ICP excludes (score 0), compared case-insensitively. Default none.</summary>
    public List<string> ExcludedIndustries { get; set; } = [];

    /// <summary>Countries the negative ICP excludes (score 0), compared case-insensitively. Default none.</summary>
    public List<string> ExcludedCountries { get; set; } = [];

    /// <summary>Lowest score of tier A. Default 75.</summary>
    public double TierA { get; set; } = 75;

    /// <summary>Lowest score of tier B. Default 50.</summary>
    public double TierB { get; set; } = 50;

    /// <summary>Lowest score of tier C; below it the tier is None. Default 25.</summary>
    public double TierC { get; set; } = 25;
}
