namespace Abm.Bot;

internal static class Program
{
    public static int Main(string[] args)
    {
        // TODO: host the bot and the import, score and ask subcommands.
        Console.WriteLine(args.Length);
        return 0;
    }
}
