using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Abm.Bot.Slack;
using Abm.Bot.Slack.BlockKit;
using Abm.Core.Answers;
using Abm.Core.Domain;

namespace Abm.Bot.Tests.Slack;

public sealed class SlackInteractivityTests : SlackHostTest
{
    private string HookUrl(string name) => new Uri(Api.BaseUrl, "hooks/" + name).ToString();

    private Task<HttpResponseMessage> PostInteractionAsync(JsonNode payload) =>
        Host.PostFormAsync(SlackServiceCollectionExtensions.InteractivityPath, [new("payload", payload.ToJsonString())]);

    /// <summary>The recorded block_actions payload with its action swapped for a click on an Abm button.</summary>
    private JsonNode ButtonClick(ReplyAction action, bool ephemeral = false)
    {
        var rendered = BlockKitRenderer.Render(new TextReply("x") { Actions = [action] });
        var button = ((ActionsBlock)rendered.Blocks[^1]).Elements.OfType<ButtonElement>().Single();
        var payload = JsonNode.Parse(SharedSpec.ReadSlackPayload("block_actions-button-in-message.json"))!;
        payload["container"]!["is_ephemeral"] = ephemeral;
        payload["response_url"] = HookUrl("actions/1");
        payload["actions"] = new JsonArray(new JsonObject
        {
            ["action_id"] = button.ActionId,
            ["block_id"] = "abm.actions",
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = button.Text.Text },
            ["value"] = button.Value,
            ["type"] = "button",
            ["action_ts"] = "1715342739.677759",
        });
        return payload;
    }

    private static JsonObject Command(string text, string responseUrl) => new JsonObject
    {
        ["team_id"] = SlackEvents.TeamId,
        ["channel_id"] = "C0CHAN001",
        ["user_id"] = SlackEvents.UserId,
        ["user_name"] = "rep",
        ["command"] = "/abm",
        ["text"] = text,
        ["response_url"] = responseUrl,
        ["trigger_id"] = "1234.5678." + Guid.NewGuid().ToString("N"),
    };

    private Task<HttpResponseMessage> PostCommandAsync(JsonObject command) =>
        Host.PostFormAsync(
            SlackServiceCollectionExtensions.CommandsPath,
            command.Select(p => new KeyValuePair<string, string>(p.Key, p.Value!.GetValue<string>())));

    [Fact]
    public async Task ForeignActionIds_AreIgnored()
    {
        var body = SharedSpec.ReadSlackPayload("block_actions-button-in-message.form-urlencoded.txt");

        using var response = await Host.PostSignedAsync(SlackServiceCollectionExtensions.InteractivityPath, body, "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        await Host.PostEventAsync(SlackEvents.Sentinel("actions"));
        await Api.WaitForCallAsync("chat.postMessage");
        Assert.Empty(Assistant.Executions);
    }

    [Theory]
    [InlineData("block_actions-in-modal.form-urlencoded.txt")]
    [InlineData("view_submission.form-urlencoded.txt")]
    [InlineData("view_closed.form-urlencoded.txt")]
    public async Task RecordedInteraction_IsAcknowledged(string fileName)
    {
        using var response = await Host.PostSignedAsync(
            SlackServiceCollectionExtensions.InteractivityPath, SharedSpec.ReadSlackPayload(fileName), "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ButtonClick_RunsVerbAndUpdatesMessage()
    {
        using var response = await PostInteractionAsync(ButtonClick(ReplyVerbs.ForAccount(ReplyVerbs.Why, "Why?", "acct-42")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var update = (await Api.WaitForCallAsync("chat.update")).Single(c => c.Method == "chat.update");
        Assert.Equal("CQEUMSV7D", update.Arg("channel"));
        Assert.Equal("1715342584.374249", update.Arg("ts"));
        Assert.True(update.HasBlocks);
        var execution = Assert.Single(Assistant.Executions);
        Assert.Equal(ReplyVerbs.Why, execution.Verb);
        Assert.Equal("acct-42", execution.Data[ReplyVerbs.AccountIdKey]);
        Assert.Empty(Api.Problems);
    }

    [Fact]
    public async Task ButtonOnEphemeralMessage_ReplacesThroughResponseUrl()
    {
        await PostInteractionAsync(ButtonClick(ReplyVerbs.ForAccount(ReplyVerbs.TopEvents, "Top events", "acct-7"), ephemeral: true));

        var replaced = (await Api.WaitForCallAsync("response_url")).Single(c => c.Method == "response_url");
        Assert.True(replaced.Body.GetProperty("replace_original").GetBoolean());
        Assert.Empty(Api.CallsTo("chat.update"));
        Assert.Empty(Api.Problems);
    }

    [Fact]
    public async Task RepeatedButtonClick_RunsOnce()
    {
        var click = ButtonClick(ReplyVerbs.ForAccount(ReplyVerbs.Why, "Why?", "acct-9"));
        await PostInteractionAsync(click);
        await PostInteractionAsync(click);

        await Host.PostEventAsync(SlackEvents.Sentinel("clicks"));
        await Api.WaitForCallAsync("chat.postMessage", c => c.Arg("text")?.Contains("clicks", StringComparison.Ordinal) == true);
        Assert.Single(Api.CallsTo("chat.update"));
    }

    [Fact]
    public async Task TamperedButtonValue_IsIgnored()
    {
        var click = ButtonClick(ReplyVerbs.ForAccount(ReplyVerbs.Why, "Why?", "acct-9"));
        click["actions"]![0]!["value"] = "not json";

        using var response = await PostInteractionAsync(click);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Host.PostEventAsync(SlackEvents.Sentinel("tampered"));
        await Api.WaitForCallAsync("chat.postMessage");
        Assert.Empty(Assistant.Executions);
    }

    [Fact]
    public async Task SlashCommand_AnswersThroughResponseUrl()
    {
        using var response = await PostCommandAsync(Command("tell me about Acme", HookUrl("commands/1")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());

        var answer = (await Api.WaitForCallAsync("response_url")).Single(c => c.Method == "response_url");
        Assert.Equal("ephemeral", answer.Arg("response_type"));
        Assert.True(answer.HasBlocks);
        Assert.Equal("tell me about Acme", Assistant.Questions.Single().Question);
        Assert.Empty(Api.Problems);
    }

    [Fact]
    public async Task SlashCommandWithForeignResponseUrl_PostsEphemeral()
    {
        await PostCommandAsync(Command("help me", "https://attacker.invalid/hook"));

        var answer = (await Api.WaitForCallAsync("chat.postEphemeral")).Single(c => c.Method == "chat.postEphemeral");
        Assert.Equal(SlackEvents.UserId, answer.Arg("user"));
        Assert.Equal("C0CHAN001", answer.Arg("channel"));
        Assert.Empty(Api.CallsTo("response_url"));
    }

    [Fact]
    public async Task EmptySlashCommand_OpensModal()
    {
        await PostCommandAsync(Command("", HookUrl("commands/2")));

        var open = (await Api.WaitForCallAsync("views.open")).Single(c => c.Method == "views.open");
        Assert.Equal(AskModal.CallbackId, open.Body.GetProperty("view").GetProperty("callback_id").GetString());
        Assert.Empty(Api.Problems);
    }

    [Fact]
    public async Task ModalSubmission_AnswersInDirectMessage()
    {
        var payload = AskModalSubmission(" top accounts ");

        using var response = await PostInteractionAsync(payload);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());

        var posted = (await Api.WaitForCallAsync("chat.postMessage")).Single(c => c.Method == "chat.postMessage");
        Assert.Equal("DUQEUMSA0K", posted.Arg("channel"));
        Assert.Equal("UQEUMSA0K", Api.CallsTo("conversations.open").Single().Arg("users"));
        Assert.Equal("top accounts", Assistant.Questions.Single().Question);
    }

    [Fact]
    public async Task ModalQuestion_AskerHasDirectMessageChannel()
    {
        var payload = AskModalSubmission("subscribe this channel to hot accounts");

        using var response = await PostInteractionAsync(payload);
        await Api.WaitForCallAsync("chat.postMessage");

        Assert.Equal("DUQEUMSA0K", Assistant.Questions.Single().Asker.ConversationId);
    }

    /// <summary>The sample view_submission turned into a submitted "Ask Abm" modal with <paramref name="question"/>.</summary>
    private static JsonNode AskModalSubmission(string question)
    {
        var payload = JsonNode.Parse(SharedSpec.ReadSlackPayload("view_submission.json"))!;
        payload["view"]!["callback_id"] = AskModal.CallbackId;
        payload["view"]!["state"] = new JsonObject
        {
            ["values"] = new JsonObject
            {
                [AskModal.QuestionBlockId] = new JsonObject
                {
                    [AskModal.QuestionActionId] = new JsonObject { ["type"] = "plain_text_input", ["value"] = question },
                },
            },
        };
        return payload;
    }

    [Fact]
    public async Task ModalSubmissionWithoutQuestion_ReturnsInputError()
    {
        var payload = JsonNode.Parse(SharedSpec.ReadSlackPayload("view_submission.json"))!;
        payload["view"]!["callback_id"] = AskModal.CallbackId;
        payload["view"]!["state"] = JsonNode.Parse("""{"values":{}}""");

        using var response = await PostInteractionAsync(payload);

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("errors", body.GetProperty("response_action").GetString());
        Assert.True(body.GetProperty("errors").TryGetProperty(AskModal.QuestionBlockId, out _));
    }

    [Fact]
    public async Task InteractionWithoutPayload_Returns400()
    {
        using var response = await Host.PostFormAsync(SlackServiceCollectionExtensions.InteractivityPath, [new("other", "1")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task KnownSlackUser_IsMappedToPerson()
    {
        await Host.SeedAsync(new Person { Id = "person-1", Name = "Rita Rep", Email = "Rita@Example.com" });
        Api.UserEmails[SlackEvents.UserId] = "rita@example.com";

        await Host.PostEventAsync(SlackEvents.Message("EvPerson1", "D0DM00001", "1700000300.000001", "my accounts"));
        await Host.PostEventAsync(SlackEvents.Message("EvPerson2", "D0DM00001", "1700000300.000002", "my accounts again"));
        await Api.WaitForAsync(calls => calls.Count(c => c.Method == "chat.postMessage") == 2);

        Assert.All(Assistant.Questions, q => Assert.Equal("person-1", q.Asker.PersonId));
        Assert.Single(Api.CallsTo("users.info"));
    }

    [Fact]
    public async Task UnknownSlackUser_StillGetsAnswer()
    {
        await Host.PostEventAsync(SlackEvents.Message("EvStranger", "D0DM00001", "1700000301.000001", "hello"));

        await Api.WaitForCallAsync("chat.postMessage");
        Assert.Null(Assistant.Questions.Single().Asker.PersonId);
    }

    [Fact]
    public void FormPayload_MatchesJsonRecording()
    {
        var form = Encoding.UTF8.GetString(SharedSpec.ReadSlackPayload("block_actions-button-in-message.form-urlencoded.txt"));
        var decoded = Uri.UnescapeDataString(form["payload=".Length..].Replace('+', ' '));

        Assert.Equal(
            JsonNode.Parse(SharedSpec.ReadSlackPayload("block_actions-button-in-message.json"))!.ToJsonString(),
            JsonNode.Parse(decoded)!.ToJsonString());
    }
}
