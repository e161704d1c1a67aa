using Abm.Core.Domain;

namespace Abm.Core.Demo;

/// <summary>
/// The demo revenue team. Six people carry the names and emails of the local Teams client's
/// (Microsoft 365 Agents Playground) default users, so "my accounts" works there: its signed-in
/// user is Alex Wilber, <c>alexw@example.com</c>. Everyone else has an <c>@abm-demo.example</c> email.
/// </summary>
internal static class DemoPeople
{
    public const string ChiefRevenueOfficer = "demo-p-01";
    public const string PlaygroundRep = "demo-p-06";

    public const string NorthAmerica = "North America";
    public const string Emea = "EMEA";
    public const string Apac = "APAC";
    public const string Latam = "LATAM";

    public static IReadOnlyList<Person> Create() =>
    [
        Make("demo-p-01", "Renata Okafor", "renata.okafor@abm-demo.example", PersonRole.Executive, null, "Leadership", "America/New_York"),
        Make("demo-p-02", "Megan Bowen", "meganb@example.com", PersonRole.Manager, "demo-p-01", NorthAmerica, "America/Chicago"),
        Make("demo-p-03", "Henrik Solberg", "henrik.solberg@abm-demo.example", PersonRole.Manager, "demo-p-01", Emea, "Europe/Berlin"),
        Make("demo-p-04", "Aiko Tanabe", "aiko.tanabe@abm-demo.example", PersonRole.Manager, "demo-p-01", Apac, "Asia/Tokyo"),
        Make("demo-p-05", "Luis Carvalho", "luis.carvalho@abm-demo.example", PersonRole.Manager, "demo-p-01", "Sales Development", "America/New_York"),
        Make(PlaygroundRep, "Alex Wilber", "alexw@example.com", PersonRole.Rep, "demo-p-02", NorthAmerica, "America/Los_Angeles"),
        Make("demo-p-07", "Isaiah Langer", "isaiahl@example.com", PersonRole.Rep, "demo-p-02", NorthAmerica, "America/Chicago"),
        Make("demo-p-08", "Dana Whitfield", "dana.whitfield@abm-demo.example", PersonRole.Rep, "demo-p-02", NorthAmerica, "America/New_York"),
        Make("demo-p-09", "Priya Raman", "priya.raman@abm-demo.example", PersonRole.Rep, "demo-p-02", NorthAmerica, "America/Denver"),
        Make("demo-p-10", "Tomás Rivera", "tomas.rivera@abm-demo.example", PersonRole.Rep, "demo-p-02", Latam, "America/Mexico_City"),
        Make("demo-p-11", "Sophie Laurent", "sophie.laurent@abm-demo.example", PersonRole.Rep, "demo-p-03", Emea, "Europe/Paris"),
        Make("demo-p-12", "Oliver Grant", "oliver.grant@abm-demo.example", PersonRole.Rep, "demo-p-03", Emea, "Europe/London"),
        Make("demo-p-13", "Lena Fischer", "lena.fischer@abm-demo.example", PersonRole.Rep, "demo-p-03", Emea, "Europe/Berlin"),
        Make("demo-p-14", "Kenji Mori", "kenji.mori@abm-demo.example", PersonRole.Rep, "demo-p-04", Apac, "Asia/Tokyo"),
        Make("demo-p-15", "Grace Liu", "grace.liu@abm-demo.example", PersonRole.Rep, "demo-p-04", Apac, "Asia/Singapore"),
        Make("demo-p-16", "Mia Thompson", "mia.thompson@abm-demo.example", PersonRole.Rep, "demo-p-04", Apac, "Australia/Sydney"),
        Make("demo-p-17", "Adele Vance", "adelev@example.com", PersonRole.Sdr, "demo-p-05", "Sales Development", "America/New_York"),
        Make("demo-p-18", "Noah Bennett", "noah.bennett@abm-demo.example", PersonRole.Sdr, "demo-p-05", "Sales Development", "America/Chicago"),
        Make("demo-p-19", "Elif Yilmaz", "elif.yilmaz@abm-demo.example", PersonRole.Sdr, "demo-p-05", "Sales Development", "Europe/London"),
        Make("demo-p-20", "Ravi Iyer", "ravi.iyer@abm-demo.example", PersonRole.Sdr, "demo-p-05", "Sales Development", "Asia/Kolkata"),
        Make("demo-p-21", "Patti Fernandez", "pattif@example.com", PersonRole.Marketing, "demo-p-01", "Marketing", "America/New_York"),
        Make("demo-p-22", "Chloe Martin", "chloe.martin@abm-demo.example", PersonRole.Marketing, "demo-p-21", "Marketing", "Europe/Paris"),
        Make("demo-p-23", "Jonah Weiss", "jonah.weiss@abm-demo.example", PersonRole.Marketing, "demo-p-21", "Marketing", "America/New_York"),
        Make("demo-p-24", "Lynne Robbins", "lynner@example.com", PersonRole.CustomerSuccess, "demo-p-01", "Customer Success", "America/Chicago"),
        Make("demo-p-25", "Ines Duarte", "ines.duarte@abm-demo.example", PersonRole.CustomerSuccess, "demo-p-24", "Customer Success", "Europe/Lisbon"),
        Make("demo-p-26", "Samuel Osei", "samuel.osei@abm-demo.example", PersonRole.CustomerSuccess, "demo-p-24", "Customer Success", "Europe/London"),
    ];

    /// <summary>Returns the SDR who works accounts of a region.</summary>
    public static string SdrFor(string region) => region switch
    {
        Emea => "demo-p-19",
        Apac => "demo-p-20",
        Latam => "demo-p-18",
        _ => "demo-p-17",
    };

    /// <summary>Returns the customer success manager for a region.</summary>
    public static string CustomerSuccessFor(string region) => region switch
    {
        Emea => "demo-p-25",
        Apac => "demo-p-26",
        _ => "demo-p-24",
    };

    /// <summary>Returns the reps who own accounts in a region, in a fixed order.</summary>
    public static IReadOnlyList<string> RepsFor(string region) => region switch
    {
        Emea => ["demo-p-11", "demo-p-12", "demo-p-13"],
        Apac => ["demo-p-14", "demo-p-15", "demo-p-16"],
        Latam => ["demo-p-10"],
        _ => [PlaygroundRep, "demo-p-07", "demo-p-08", "demo-p-09"],
    };

    private static Person Make(string id, string name, string email, PersonRole role, string? managerId, string team, string timeZone) =>
        new() { Id = id, Name = name, Email = email, Role = role, ManagerId = managerId, Team = team, TimeZone = timeZone };
}
