using System.Text.Json.Serialization;

namespace Abm.Bot.Cards;

/// <summary>
/// The body a bot returns, with HTTP status 200, to an <c>adaptiveCard/action</c> invoke
/// (Universal Action Model). Teams reads <see cref="StatusCode"/>, not the HTTP status, and
/// shows "Unable to reach app" when the body names it <c>status</c>.
/// </summary>
public sealed class AdaptiveCardInvokeResponse
{
    public const string MessageType = "application/vnd.microsoft.activity.message";

    public const string ErrorType = "application/vnd.microsoft.error";

    private AdaptiveCardInvokeResponse(int statusCode, string type, object? value)
    {
        StatusCode = statusCode;
        Type = type;
        Value = value;
    }

    /// <summary>200 to 599.</summary>
    public int StatusCode { get; }

    /// <summary>What <see cref="Value"/> holds, such as <see cref="AdaptiveCard.ContentType"/>.</summary>
    public string Type { get; }

    /// <summary>An <see cref="AdaptiveCard"/>, a message string or an <see cref="InvokeError"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public object? Value { get; }

    /// <summary>Creates a 200 response whose card replaces the card the user clicked, for that user.</summary>
    public static AdaptiveCardInvokeResponse Card(AdaptiveCard card) => new(200, AdaptiveCard.ContentType, card);

    /// <summary>Creates a 200 response that Teams shows as a short message and leaves the card unchanged.</summary>
    public static AdaptiveCardInvokeResponse Message(string text) => new(200, MessageType, text);

    /// <summary>Creates an error response, for example 400 for an action whose data is invalid.</summary>
    /// <param name="statusCode">400 to 599.</param>
    /// <param name="code">A short machine-readable code, such as <c>BadRequest</c>.</param>
    /// <param name="message">What went wrong and what the user can do, in a sentence.</param>
    public static AdaptiveCardInvokeResponse Error(int statusCode, string code, string message)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        return new(statusCode, ErrorType, new InvokeError(code, message));
    }

    /// <summary>Creates the 400 response for an invoke that Abm cannot act on.</summary>
    public static AdaptiveCardInvokeResponse BadRequest(string message) => Error(400, "BadRequest", message);
}

/// <summary>The value of an error invoke response.</summary>
public sealed record InvokeError(string Code, string Message);
