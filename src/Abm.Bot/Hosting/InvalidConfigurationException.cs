namespace Abm.Bot.Hosting;

/// <summary>
/// A configuration value that passed validation but failed when the host used it, such as a
/// SQLite file in a folder that cannot be created. The message names the key, the value and the
/// fix, so the command line prints it without a stack trace.
/// </summary>
public sealed class InvalidConfigurationException : Exception
{
    public InvalidConfigurationException()
    {
    }

    public InvalidConfigurationException(string message)
        : base(message)
    {
    }

    public InvalidConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
