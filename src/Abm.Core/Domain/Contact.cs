namespace Abm.Core.Domain;

/// <summary>A person at a customer or prospect account.</summary>
public sealed class Contact
{
    public required string Id { get; set; }

    public required string AccountId { get; set; }

    public required string Name { get; set; }

    public string? Email { get; set; }

    public string? Title { get; set; }

    public Seniority Seniority { get; set; }

    public BuyingRole BuyingRole { get; set; }
}
