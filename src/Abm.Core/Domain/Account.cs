namespace Abm.Core.Domain;

/// <summary>A company the revenue team sells to or may sell to.</summary>
public sealed class Account
{
    /// <summary>Stable key, unique across sources, such as <c>pp-1001</c> or <c>demo-0042</c>.</summary>
    public required string Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Lower-case web domain without scheme or <c>www.</c>, such as <c>contoso.com</c>.</summary>
    public string? Domain { get; set; }

    public string? Industry { get; set; }

    public int? Employees { get; set; }

    /// <summary>Annual revenue in US dollars.</summary>
    public decimal? AnnualRevenueUsd { get; set; }

    /// <summary>Country name as imported, such as <c>United States</c>.</summary>
    public string? Country { get; set; }

    /// <summary>Sales region, such as <c>EMEA</c>, <c>North America</c> or <c>Northeast</c>.</summary>
    public string? Region { get; set; }

    public string? ParentAccountId { get; set; }

    /// <summary>The <see cref="Person"/> who owns the account.</summary>
    public string? OwnerId { get; set; }

    public string? Source { get; set; }
}
