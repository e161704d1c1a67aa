namespace Abm.Core.TargetList;

/// <summary>Who approves Target Account List proposals, bound from <c>Abm:TargetList</c>.</summary>
public sealed class TargetListOptions
{
    public const string SectionName = "Abm:TargetList";

    /// <summary>
    /// A Teams conversation id or Slack channel id where approval cards go instead of the
    /// requester's manager. Default: null, so the card goes to the manager by direct message.
    /// </summary>
    public string? ApprovalChannel { get; set; }

    /// <summary>
    /// People (ids) who may decide proposals posted to <see cref="ApprovalChannel"/>. Default: empty,
    /// which lets every person with the manager or executive role decide.
    /// </summary>
    public IList<string> ApproverIds { get; init; } = [];

    /// <summary>Lowest name similarity (0–100) that flags another account as a possible duplicate. Default 85.</summary>
    public int DuplicateSimilarity { get; set; } = 85;

    /// <summary>Returns one error per invalid value, naming the key, the value and the fix.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (DuplicateSimilarity is < 50 or > 100)
        {
            errors.Add($"{SectionName}:DuplicateSimilarity is {DuplicateSimilarity}; set a value from 50 to 100.");
        }

        if (ApprovalChannel is { Length: 0 } || (ApprovalChannel is not null && string.IsNullOrWhiteSpace(ApprovalChannel)))
        {
            errors.Add($"{SectionName}:ApprovalChannel is blank; remove it to send approvals to the requester's manager, or set a channel id.");
        }

        return errors;
    }
}
