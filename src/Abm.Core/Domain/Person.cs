namespace Abm.Core.Domain;

/// <summary>A member of the revenue team: a rep, SDR, manager, marketer, CSM or executive.</summary>
public sealed class Person
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Work email; Teams and Slack users are matched to people by it, case-insensitively.</summary>
    public string? Email { get; set; }

    public PersonRole Role { get; set; }

    public string? ManagerId { get; set; }

    public string? Team { get; set; }

    /// <summary>IANA time zone id, such as <c>Europe/Berlin</c>.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Teams user id (<c>29:…</c>) or Entra object id, once known.</summary>
    public string? TeamsUserId { get; set; }

    /// <summary>Slack user id (<c>U…</c>), once known.</summary>
    public string? SlackUserId { get; set; }
}
