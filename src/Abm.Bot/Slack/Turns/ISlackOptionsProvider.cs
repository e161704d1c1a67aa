using Abm.Bot.Slack.BlockKit;

namespace Abm.Bot.Slack.Turns;

/// <summary>
/// Loads the options of an <c>external_select</c> as the user types, for a <c>block_suggestion</c>
/// request. The endpoint responds within Slack's 3-second limit, so a provider runs one quick query.
/// </summary>
public interface ISlackOptionsProvider
{
    /// <summary>True for the select action ids this provider owns.</summary>
    bool CanHandle(string actionId);

    /// <summary>Returns at most <see cref="BlockKitLimits.SelectOptions"/> options that match the typed text.</summary>
    /// <param name="privateMetadata">The modal's <c>private_metadata</c>, or null when the select is not in a modal.</param>
    Task<IReadOnlyList<SelectOption>> OptionsAsync(string actionId, string query, string? privateMetadata, CancellationToken cancellationToken);
}
