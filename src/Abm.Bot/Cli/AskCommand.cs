using System.CommandLine;
using Abm.Core.Answers;
using Abm.Core.Demo;
using Abm.Core.Storage;
using Abm.Bot.Hosting;

namespace Abm.Bot.Cli;

/// <summary><c>abm ask "&lt;question&gt;" [--as-of T] [--as &lt;email&gt;]</c>: prints the answer as text.</summary>
internal static class AskCommand
{
    public static Command Create()
    {
        // Optional to the parser, so a missing question prints one line with an example instead of the whole help.
        var question = new Argument<string?>("question")
        {
            Description = $"The question, as typed in chat, such as \"tell me about {DemoDataGenerator.HotAccountName}\".",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var asOf = CliOptions.AsOf();
        var asEmail = new Option<string?>("--as") { Description = "Ask as the person with this email, so \"my accounts\" means theirs." };

        var command = new Command("ask", "Answer one question and print the answer as text.") { question, asOf, asEmail };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, cancellationToken) =>
        {
            // With no question the parser hands the first configuration token (--Abm:…=…) to the argument.
            var text = result.GetValue(question);
            if (string.IsNullOrWhiteSpace(text) || text.StartsWith("--", StringComparison.Ordinal))
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"abm: ask needs a question. Put it in quotes, such as: abm ask \"tell me about {DemoDataGenerator.HotAccountName}\"");
                return ExitCodes.Usage;
            }

            using var host = await CliHost.StartAsync(CliOptions.HostArguments(result, result.GetValue(asOf)), cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();

            var asker = new Asker(null, Environment.UserName, "cli");
            if (result.GetValue(asEmail) is { } email)
            {
                var db = scope.ServiceProvider.GetRequiredService<AbmDbContext>();
                var person = await db.FindByEmailAsync(email, cancellationToken);
                if (person is null)
                {
                    await result.InvocationConfiguration.Error.WriteLineAsync($"--as '{email}': no person has this email. Import the people first, or leave --as out to ask anonymously.");
                    return ExitCodes.Failure;
                }

                asker = new Asker(person.Id, person.Name, "cli");
            }

            var assistant = scope.ServiceProvider.GetRequiredService<IAssistant>();
            var reply = await assistant.AskAsync(text, asker, cancellationToken);
            result.InvocationConfiguration.Output.WriteLine(ReplyText.Format(reply));
            return ExitCodes.Success;
        });
        return command;
    }
}
