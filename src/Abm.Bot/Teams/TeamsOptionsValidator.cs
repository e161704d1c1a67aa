using Microsoft.Extensions.Options;

namespace Abm.Bot.Teams;

/// <summary>Checks <see cref="TeamsOptions"/> at start; each failure names the key, the value and the fix.</summary>
internal sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        var failures = new List<string>();
        const string Section = TeamsOptions.SectionName;

        if (options.AuthenticationEnabled)
        {
            if (!Guid.TryParse(options.AppId, out _))
            {
                failures.Add($"{Section}:AppId '{options.AppId}' is not a GUID. Set it to the Microsoft App ID of the bot registration.");
            }

            if (string.IsNullOrWhiteSpace(options.AppPassword))
            {
                failures.Add($"{Section}:AppPassword is missing while {Section}:AppId is set. Set it to a client secret of the app registration (user secrets or the environment variable Abm__Teams__AppPassword).");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.TenantId) && Uri.CheckHostName(options.TenantId) == UriHostNameType.Unknown && !Guid.TryParse(options.TenantId, out _))
        {
            failures.Add($"{Section}:TenantId '{options.TenantId}' is neither a GUID nor a domain. Set the directory (tenant) id of a single-tenant bot, or leave it empty for a multi-tenant bot.");
        }

        CheckUrl(failures, $"{Section}:OpenIdMetadataUrl", options.OpenIdMetadataUrl);
        if (!string.IsNullOrWhiteSpace(options.Authority))
        {
            CheckUrl(failures, $"{Section}:Authority", options.Authority);
        }

        if (!string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            CheckUrl(failures, $"{Section}:ServiceUrl", options.ServiceUrl);
        }

        CheckPositive(failures, $"{Section}:InvokeTimeout", options.InvokeTimeout);
        CheckPositive(failures, $"{Section}:TurnTimeout", options.TurnTimeout);

        if (options.TurnConcurrency is < 1 or > 1024)
        {
            failures.Add($"{Section}:TurnConcurrency {options.TurnConcurrency} is out of range. Use 1 to 1024.");
        }

        if (options.TurnQueueCapacity is < 1 or > 1_000_000)
        {
            failures.Add($"{Section}:TurnQueueCapacity {options.TurnQueueCapacity} is out of range. Use 1 to 1000000.");
        }

        if (options.MaxRequestBodyBytes is < 1024 or > 64 * 1024 * 1024)
        {
            failures.Add($"{Section}:MaxRequestBodyBytes {options.MaxRequestBodyBytes} is out of range. Use 1024 to 67108864 bytes; the default is {TeamsOptions.DefaultMaxRequestBodyBytes}.");
        }

        if (options.MemberCacheDuration < TimeSpan.Zero)
        {
            failures.Add($"{Section}:MemberCacheDuration {options.MemberCacheDuration} is negative. Use a duration such as 01:00:00, or 00:00:00 to turn the cache off.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckUrl(List<string> failures, string key, string? value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
        {
            failures.Add($"{key} '{value}' is not an absolute https URL (http is allowed on loopback only). Set an https URL or remove the key to use the default.");
        }
    }

    private static void CheckPositive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{key} {value} must be positive. Use a duration such as 00:00:10.");
        }
    }
}
