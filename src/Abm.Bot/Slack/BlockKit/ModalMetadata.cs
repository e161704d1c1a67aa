using System.Globalization;

namespace Abm.Bot.Slack.BlockKit;

/// <summary>
/// The <c>private_metadata</c> of a modal opened from a message button: the id of the record the
/// modal changes, and the channel and ts of the message to update once it is submitted.
/// </summary>
public static class ModalMetadata
{
    public static string Write(long id, string? channel, string? messageTs) =>
        string.Join('|', id.ToString(CultureInfo.InvariantCulture), channel ?? string.Empty, messageTs ?? string.Empty);

    public static bool TryRead(string? metadata, out long id, out string? channel, out string? messageTs)
    {
        (id, channel, messageTs) = (0, null, null);
        var parts = (metadata ?? string.Empty).Split('|');
        if (parts.Length != 3 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out id))
        {
            return false;
        }

        (channel, messageTs) = (parts[1].Length > 0 ? parts[1] : null, parts[2].Length > 0 ? parts[2] : null);
        return true;
    }
}
