using System.Runtime.InteropServices;
using Abm.Core.Domain;

namespace Abm.Core.Scoring;

/// <summary>
/// One engagement event in the compact form <see cref="AesCalculator"/> scores: 24 bytes, no
/// references, so millions of them sit in one array.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly struct AesEvent
{
    private readonly byte _seniority;
    private readonly byte _buyingRole;
    private readonly byte _function;

    /// <param name="occurredAtMs">Unix milliseconds (UTC).</param>
    /// <param name="typeIndex">From <see cref="AesModel.TypeIndexOf"/>.</param>
    /// <param name="contactIndex">The contact's index within its account (0, 1, 2, …), or -1 when no contact is known.</param>
    /// <param name="quantity">Meeting minutes or another quantity, or NaN when the event has none.</param>
    public AesEvent(long occurredAtMs, int typeIndex, int contactIndex, float quantity, Seniority seniority, BuyingRole buyingRole, BusinessFunction function)
    {
        OccurredAtMs = occurredAtMs;
        TypeIndex = typeIndex;
        ContactIndex = contactIndex;
        Quantity = quantity;
        _seniority = (byte)seniority;
        _buyingRole = (byte)buyingRole;
        _function = (byte)function;
    }

    public long OccurredAtMs { get; }

    public int TypeIndex { get; }

    public int ContactIndex { get; }

    public float Quantity { get; }

    public Seniority Seniority => (Seniority)_seniority;

    public BuyingRole BuyingRole => (BuyingRole)_buyingRole;

    public BusinessFunction Function => (BusinessFunction)_function;
}

/// <summary>One account's engagement totals from <see cref="AesCalculator"/>, before normalising.</summary>
/// <param name="RawPoints">Sum of decayed points as of the instant.</param>
/// <param name="RawPointsSevenDaysAgo">The same sum as of 7 days earlier, over the events up to then.</param>
/// <param name="EngagedContacts">Distinct contacts that earned points within the breadth window.</param>
/// <param name="EngagedRoles">Distinct known buying roles among those contacts.</param>
/// <param name="LastActivityMs">Unix milliseconds of the latest scored event, or null when there is none.</param>
/// <param name="ScoredEvents">Events up to the instant whose type is not excluded.</param>
/// <param name="UnknownTypeEvents">Scored events whose type is not configured.</param>
public readonly record struct AesTotals(
    double RawPoints,
    double RawPointsSevenDaysAgo,
    double Marketing,
    double SalesDevelopment,
    double Sales,
    double CustomerSuccess,
    int EngagedContacts,
    int EngagedRoles,
    long? LastActivityMs,
    int ScoredEvents,
    int UnknownTypeEvents)
{
    /// <summary>Returns the decayed points of one business function.</summary>
    public double Of(BusinessFunction function) => function switch
    {
        BusinessFunction.Marketing => Marketing,
        BusinessFunction.SalesDevelopment => SalesDevelopment,
        BusinessFunction.Sales => Sales,
        BusinessFunction.CustomerSuccess => CustomerSuccess,
        _ => 0,
    };
}
