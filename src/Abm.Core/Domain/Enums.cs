namespace Abm.Core.Domain;

/// <summary>The part of the revenue team that produced an engagement event.</summary>
public enum BusinessFunction
{
    Marketing,
    SalesDevelopment,
    Sales,
    CustomerSuccess,
}

/// <summary>A person's job on the revenue team; managers approve target-list changes.</summary>
public enum PersonRole
{
    Rep,
    Sdr,
    Manager,
    Marketing,
    CustomerSuccess,
    Executive,
}

/// <summary>A contact's seniority, which sets the persona multiplier in engagement scoring.</summary>
public enum Seniority
{
    Other,
    Manager,
    Director,
    VicePresident,
    CLevel,
}

/// <summary>The contact's role in the account's buying group.</summary>
public enum BuyingRole
{
    Unknown,
    EconomicBuyer,
    DecisionMaker,
    Champion,
    TechnicalEvaluator,
    Influencer,
    EndUser,
}

/// <summary>
/// An opportunity's stage. Qualification marks a Sales Qualified Lead, Discovery a Sales
/// Accepted Opportunity, Proposal and Negotiation the valued pipeline.
/// </summary>
public enum OpportunityStage
{
    Qualification,
    Discovery,
    Proposal,
    Negotiation,
    ClosedWon,
    ClosedLost,
}

/// <summary>The account-based funnel, in order.</summary>
public enum FunnelStage
{
    NotTargeted,
    Target,
    Engaged,
    SalesQualifiedLead,
    SalesAcceptedOpportunity,
    Pipeline,
    ClosedWon,
    Expansion,
}

/// <summary>Where an account stands on the Target Account List.</summary>
public enum TargetListStatus
{
    Proposed,
    Approved,
    Rejected,
    Removed,
}
