using System.Globalization;

namespace Abm.Bot.Approvals;

/// <summary>The verbs and data keys of approval cards, shared by Teams' Action.Execute and Slack's action_id.</summary>
public static class ApprovalVerbs
{
    public const string Prefix = "targetlist.";
    public const string Approve = "targetlist.approve";
    public const string Reject = "targetlist.reject";
    public const string Refresh = "targetlist.refresh";

    public const string ProposalIdKey = "proposalId";
    public const string ReasonKey = "rejectReason";
    public const string CommentKey = "comment";

    public static Dictionary<string, string> Data(long proposalId) =>
        new(StringComparer.Ordinal) { [ProposalIdKey] = proposalId.ToString(CultureInfo.InvariantCulture) };

    public static bool TryReadProposalId(IReadOnlyDictionary<string, string> data, out long proposalId)
    {
        proposalId = 0;
        return data.TryGetValue(ProposalIdKey, out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out proposalId);
    }
}
