using Abm.Bot.Cards;
using Abm.Core.Answers;

namespace Abm.Bot.Teams;

/// <summary>Builds the activities Abm sends in Teams from channel-neutral replies.</summary>
internal static class ReplyActivities
{
    /// <summary>
    /// A reply to <paramref name="incoming"/> that carries the reply as one Adaptive Card attachment
    /// and no text: a message with text and attachments can be split in two, and then the
    /// connector returns no id to update the card later. The card's fallback text carries the text.
    /// </summary>
    public static Activity CardReply(Activity incoming, Reply reply) => new()
    {
        Type = ActivityTypes.Message,
        From = incoming.Recipient,
        Recipient = incoming.From,
        Conversation = incoming.Conversation,
        ReplyToId = incoming.Id,
        Locale = incoming.Locale,
        Attachments = [CardAttachment(reply)],
    };

    /// <summary>A plain-text message into the conversation of <paramref name="incoming"/>.</summary>
    public static Activity TextMessage(Activity incoming, string text) => new()
    {
        Type = ActivityTypes.Message,
        From = incoming.Recipient,
        Recipient = incoming.From,
        Conversation = incoming.Conversation,
        Locale = incoming.Locale,
        Text = text,
        TextFormat = "plain",
    };

    /// <summary>
    /// The reply as an Adaptive Card attachment; <see cref="EmbeddedCardConverter"/> writes it with
    /// the card model's own JSON settings. The card's fallback text is the whole reply as plain text, for clients that
    /// cannot render the card.
    /// </summary>
    public static Attachment CardAttachment(Reply reply) => new()
    {
        ContentType = AdaptiveCard.ContentType,
        Content = RenderCard(reply),
    };

    /// <summary>Renders the reply's card; the renderer sets the reply as plain text for its fallback text.</summary>
    public static AdaptiveCard RenderCard(Reply reply) => AdaptiveCardRenderer.Render(reply);
}
