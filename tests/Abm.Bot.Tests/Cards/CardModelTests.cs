using System.Text.Json;
using System.Text.Json.Nodes;
using Abm.Bot.Cards;
using static Abm.Bot.Tests.Cards.CardJsonQuery;

namespace Abm.Bot.Tests.Cards;

public class CardModelTests
{
    [Theory]
    [MemberData(nameof(CardSchemaTests.ReplyVariants), MemberType = typeof(CardSchemaTests))]
    public void RenderedCard_RoundTrips(string variant)
    {
        var reply = ReplyFixtures.All().Single(candidate => candidate.Name == variant).Reply;
        var json = CardJson.Serialize(AdaptiveCardRenderer.Render(reply));

        var read = JsonSerializer.Deserialize<AdaptiveCard>(json, CardJson.Options)!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(CardJson.Serialize(read))));
    }

    [Fact]
    public void Enums_SerialiseAsSchemaStrings()
    {
        var block = new TextBlock("x") { Size = TextSize.ExtraLarge, Weight = TextWeight.Bolder, Color = TextColor.Attention };

        var json = JsonNode.Parse(CardJson.Serialize<CardElement>(block))!;

        Assert.Equal("extraLarge", json["size"]!.GetValue<string>());
        Assert.Equal("bolder", json["weight"]!.GetValue<string>());
        Assert.Equal("attention", json["color"]!.GetValue<string>());
    }

    [Fact]
    public void NullProperties_AreLeftOut()
    {
        var json = JsonNode.Parse(CardJson.Serialize<CardElement>(new TextBlock("x")))!.AsObject();

        Assert.Equal(["type", "text"], json.Select(property => property.Key));
    }

    [Fact]
    public void Mention_MatchesTeamsShape()
    {
        var mention = TeamsMention.For("29:abc", "Megan Bowen");

        var json = JsonNode.Parse(CardJson.Serialize(mention))!;

        var expected = JsonNode.Parse("""{"type":"mention","text":"<at>Megan Bowen</at>","mentioned":{"id":"29:abc","name":"Megan Bowen"}}""");
        Assert.True(JsonNode.DeepEquals(expected, json), json.ToJsonString());
    }

    [Fact]
    public void Refresh_RejectsNonExecuteAction()
    {
        Assert.Throws<ArgumentException>(() => new CardRefresh(new SubmitAction()));
    }

    [Fact]
    public void Refresh_SerialisesActionType()
    {
        var card = ApprovalCard();

        var json = ToJson(card);

        Assert.Equal("Action.Execute", json["refresh"]!["action"]!["type"]!.GetValue<string>());
        Assert.Equal("approval.refresh", json["refresh"]!["action"]!["verb"]!.GetValue<string>());
        Assert.Equal(["29:manager"], json["refresh"]!["userIds"]!.AsArray().Select(id => id!.GetValue<string>()));
    }

    [Fact]
    public void ApprovalCard_Validates()
    {
        Assert.Empty(CardSchema.Validate(ApprovalCard()));
    }

    [Fact]
    public void PlaybookStepCard_Validates()
    {
        Assert.Empty(CardSchema.Validate(PlaybookStepCard()));
    }

    [Fact]
    public void AlertCard_Validates()
    {
        Assert.Empty(CardSchema.Validate(AlertCard()));
    }

    [Fact]
    public void Input_SerialisesIdAndType()
    {
        var json = JsonNode.Parse(CardJson.Serialize<CardElement>(new DateInput("dueDate") { Min = "2026-12-04" }))!;

        Assert.Equal("Input.Date", json["type"]!.GetValue<string>());
        Assert.Equal("dueDate", json["id"]!.GetValue<string>());
    }

    /// <summary>An approval card as managers see it: evidence, Approve, and Reject with a reason form; refreshed per approver.</summary>
    private static AdaptiveCard ApprovalCard()
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal) { ["proposalId"] = "p-1" };
        var rejectForm = new AdaptiveCard
        {
            Schema = null,
            Version = null,
            Body =
            {
                new ChoiceSetInput("reasonCode")
                {
                    Label = "Reason",
                    IsRequired = true,
                    ErrorMessage = "Choose a reason.",
                    Style = ChoiceInputStyle.Expanded,
                    Choices = { new Choice("Duplicate account", "duplicate"), new Choice("Outside the ICP", "outside-icp") },
                },
                new TextInput("comment") { Label = "Comment", IsMultiline = true, MaxLength = 500 },
            },
            Actions = [new ExecuteAction("approval.reject") { Title = "Reject", Data = data, AssociatedInputs = AssociatedInputs.Auto }],
        };
        var mention = TeamsMention.For("29:rep", "Alex Wilber");
        return new AdaptiveCard
        {
            Body =
            {
                CardBlocks.Heading("Add Contoso to the target list?"),
                new TextBlock($"Proposed by {mention.Text}") { Wrap = true },
                new FactSet { Facts = { new Fact("Fit", "85 · Tier A"), new Fact("AES", "72.4 · Hot") } },
                new ActionSet
                {
                    Actions =
                    {
                        new ExecuteAction("approval.approve") { Title = "Approve", Data = data, Style = ActionStyle.Positive },
                        new ShowCardAction(rejectForm) { Title = "Reject…" },
                    },
                },
            },
            Refresh = new CardRefresh(new ExecuteAction("approval.refresh") { Data = data }) { UserIds = ["29:manager"] },
            MsTeams = new TeamsCardProperties { Width = TeamsCardProperties.FullWidth, Entities = [mention] },
        };
    }

    /// <summary>A playbook step card: guidance, Done, Skip with a reason, Snooze to a date, and hidden details.</summary>
    private static AdaptiveCard PlaybookStepCard() => new()
    {
        Body =
        {
            CardBlocks.Heading("Step 2 of 5: Invite the CFO to the executive dinner"),
            CardBlocks.Text("Send the invitation from the account executive, copying marketing."),
            new Container
            {
                Id = "details",
                IsVisible = false,
                Style = ContainerStyle.Emphasis,
                Items = { CardBlocks.Plain("Owner: Sales · due 11 Dec 2026") },
            },
            new TextInput("skipReason") { Label = "Reason to skip", Placeholder = "Why this step does not apply" },
            new DateInput("snoozeUntil") { Label = "Snooze until", Min = "2026-12-05" },
            new ToggleInput("notifyOwner", "Tell the account owner") { Value = "true" },
            new NumberInput("effortHours") { Label = "Hours spent", Min = 0, Max = 100 },
            new ActionSet
            {
                Actions =
                {
                    new ExecuteAction("step.done") { Title = "Done", AssociatedInputs = AssociatedInputs.None },
                    new ExecuteAction("step.skip") { Title = "Skip" },
                    new ExecuteAction("step.snooze") { Title = "Snooze", Mode = ActionMode.Secondary },
                    new ToggleVisibilityAction { Title = "Details", TargetElements = { new TargetElement("details") } },
                },
            },
        },
    };

    /// <summary>An alert card: band change, reasons and the four alert buttons.</summary>
    private static AdaptiveCard AlertCard() => new()
    {
        Body =
        {
            new ColumnSet
            {
                Columns =
                {
                    new Column
                    {
                        Width = "auto",
                        Items = { new Image("https://example.com/logo.png") { AltText = "Contoso", Size = ImageSize.Small, Style = ImageStyle.Person } },
                    },
                    new Column { Width = "stretch", Items = { CardBlocks.PlainHeading("Contoso Ltd"), CardBlocks.Text("Warm → Hot, AES 72.4 (+12)") } },
                },
            },
            new ActionSet
            {
                Actions =
                {
                    new ExecuteAction("alert.assign") { Title = "Assign to me" },
                    new ExecuteAction("alert.snooze") { Title = "Snooze 7 days" },
                    new ExecuteAction("alert.dismiss") { Title = "Not relevant" },
                    new OpenUrlAction(new Uri("https://crm.example.com/accounts/acc-1")) { Title = "Open account" },
                },
            },
        },
    };
}
