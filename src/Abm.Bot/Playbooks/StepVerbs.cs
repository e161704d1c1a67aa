using System.Globalization;

namespace Abm.Bot.Playbooks;

/// <summary>The verbs and data keys of playbook step cards.</summary>
public static class StepVerbs
{
    public const string Prefix = "playbook.";
    public const string Done = "playbook.done";
    public const string Skip = "playbook.skip";
    public const string Reassign = "playbook.reassign";
    public const string Snooze = "playbook.snooze";

    public const string StepIdKey = "stepId";
    public const string SkipReasonKey = "skipReason";
    public const string NewOwnerKey = "newOwnerId";

    /// <summary>The typed name or email of the new owner, on cards whose list leaves people out.</summary>
    public const string NewOwnerQueryKey = "newOwnerQuery";
    public const string SnoozeDaysKey = "snoozeDays";

    public static Dictionary<string, string> Data(long stepId) =>
        new(StringComparer.Ordinal) { [StepIdKey] = stepId.ToString(CultureInfo.InvariantCulture) };

    public static bool TryReadStepId(IReadOnlyDictionary<string, string> data, out long stepId)
    {
        stepId = 0;
        return data.TryGetValue(StepIdKey, out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out stepId);
    }
}
