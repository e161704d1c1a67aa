namespace Abm.Core.Playbooks;

/// <summary>Playbook templates and reminders, bound from <c>Abm:Playbooks</c>.</summary>
public sealed class PlaybookOptions
{
    public const string SectionName = "Abm:Playbooks";

    /// <summary>The folder with the <c>*.yml</c> templates. Default: <c>playbooks</c> under the working directory.</summary>
    public string Directory { get; set; } = "playbooks";

    /// <summary>Local time in the owner's time zone when quiet hours begin. Default 20:00.</summary>
    public TimeOnly QuietHoursStart { get; set; } = new(20, 0);

    /// <summary>Local time in the owner's time zone when quiet hours end. Default 08:00.</summary>
    public TimeOnly QuietHoursEnd { get; set; } = new(8, 0);

    /// <summary>The least time between two reminders for the same overdue step. Default 1 day.</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often the reminder job looks for overdue steps. Default 15 minutes.</summary>
    public TimeSpan ReminderPollInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Returns one error per invalid value, naming the key, the value and the fix.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Directory))
        {
            errors.Add($"{SectionName}:Directory is empty; set it to the folder with the playbook templates, such as playbooks.");
        }

        if (QuietHoursStart == QuietHoursEnd)
        {
            errors.Add($"{SectionName}:QuietHoursStart and QuietHoursEnd are both {QuietHoursStart:HH\\:mm}; set different times, such as 20:00 and 08:00.");
        }

        if (ReminderInterval < TimeSpan.FromMinutes(1))
        {
            errors.Add($"{SectionName}:ReminderInterval is {ReminderInterval}; set at least 00:01:00.");
        }

        if (ReminderPollInterval < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{SectionName}:ReminderPollInterval is {ReminderPollInterval}; set at least 00:00:01.");
        }

        return errors;
    }
}
