namespace Abm.Core.Demo;

/// <summary>
/// Invented words the demo builds company and contact names from. The company stems are made-up
/// words, so no generated name is meant to match a real company; domains use the reserved
/// <c>.example</c> top-level domain.
/// </summary>
internal static class DemoCatalog
{
    public static readonly string[] CompanyStems =
    [
        "Altavera", "Brightkeel", "Cindral", "Dovremont", "Farrowgate", "Glenvaro", "Harrowmere", "Istrella",
        "Jarnvik", "Kelloran", "Lumivane", "Marrowby", "Norvessa", "Obrenta", "Quorvane", "Rellisand",
        "Sundrava", "Talvoren", "Ulverdane", "Valtreza", "Wendmoor", "Xantheri", "Yarrowfeld", "Zephrane",
        "Ambervane", "Draventa", "Estemere", "Fenwraith", "Galdora", "Hestovar", "Ildrasse", "Jovenza",
        "Kastrelle", "Loravin", "Meridane", "Nesquell", "Orvantis", "Praxelle", "Quennard", "Rostavin",
        "Selvaron", "Torvella", "Umbrica", "Vestrano", "Wyncleft", "Yselmar", "Zorvana", "Arkenvale",
        "Bramwick", "Delvanta", "Emberlyn", "Grisveld", "Irvantis", "Kortana", "Lindqvale", "Mosswick",
        "Nimbrel", "Pavonne", "Quilby", "Ravensholt", "Solvento", "Tamberlyn", "Uldana", "Varnholt",
        "Corvenna", "Belmarch", "Oskarden", "Pellavine", "Trevassa", "Halvaren",
    ];

    public static readonly (string Industry, string[] Suffixes)[] Industries =
    [
        ("Software", ["Systems", "Software", "Analytics", "Labs"]),
        ("Financial Services", ["Capital", "Financial", "Trust"]),
        ("Healthcare", ["Health", "Medical", "Biologics"]),
        ("Manufacturing", ["Industries", "Components", "Works"]),
        ("Retail", ["Retail", "Outfitters", "Markets"]),
        ("Logistics", ["Logistics", "Freight"]),
        ("Telecommunications", ["Networks", "Telecom"]),
        ("Energy", ["Energy", "Renewables"]),
        ("Education", ["Learning", "Academy"]),
        ("Media", ["Media", "Studios"]),
    ];

    public static readonly (string Region, string Country, string CountryCode)[] Countries =
    [
        (DemoPeople.NorthAmerica, "United States", "us"),
        (DemoPeople.NorthAmerica, "United States", "us"),
        (DemoPeople.NorthAmerica, "United States", "us"),
        (DemoPeople.NorthAmerica, "Canada", "ca"),
        (DemoPeople.Emea, "United Kingdom", "uk"),
        (DemoPeople.Emea, "Germany", "de"),
        (DemoPeople.Emea, "France", "fr"),
        (DemoPeople.Emea, "Netherlands", "nl"),
        (DemoPeople.Emea, "Sweden", "se"),
        (DemoPeople.Apac, "Japan", "jp"),
        (DemoPeople.Apac, "Australia", "au"),
        (DemoPeople.Apac, "Singapore", "sg"),
        (DemoPeople.Apac, "India", "in"),
        (DemoPeople.Latam, "Brazil", "br"),
        (DemoPeople.Latam, "Mexico", "mx"),
    ];

    public static readonly string[] FirstNames =
    [
        "Maria", "Jonas", "Amara", "Felix", "Hana", "Marcus", "Leila", "Tobias", "Nadia", "Owen",
        "Sara", "Mateo", "Yuki", "Daniel", "Ingrid", "Kofi", "Elena", "Rafael", "Anika", "Victor",
        "Clara", "Ibrahim", "Freya", "Diego", "Mei", "Arjun", "Lucia", "Stefan", "Zara", "Hugo",
    ];

    public static readonly string[] LastNames =
    [
        "Brandt", "Okonkwo", "Sato", "Lindgren", "Moreau", "Castillo", "Novak", "Haddad", "Keller", "Mensah",
        "Ferreira", "Kowalski", "Nakamura", "Berg", "Quinn", "Rossi", "Adeyemi", "Walsh", "Petrov", "Duval",
        "Horvat", "Ishikawa", "Larsen", "Mbeki", "Oliveira", "Varga", "Sorensen", "Tanaka", "Hughes", "Reyes",
    ];

    /// <summary>Job titles per seniority, from C-level down.</summary>
    public static readonly (Domain.Seniority Seniority, string[] Titles)[] Titles =
    [
        (Domain.Seniority.CLevel, ["Chief Technology Officer", "Chief Financial Officer", "Chief Operating Officer"]),
        (Domain.Seniority.VicePresident, ["VP Engineering", "VP Operations", "VP Finance"]),
        (Domain.Seniority.Director, ["Director of IT", "Director of Procurement", "Director of Data"]),
        (Domain.Seniority.Manager, ["IT Manager", "Operations Manager", "Security Manager"]),
        (Domain.Seniority.Other, ["Systems Analyst", "Platform Engineer", "Procurement Specialist"]),
    ];
}
