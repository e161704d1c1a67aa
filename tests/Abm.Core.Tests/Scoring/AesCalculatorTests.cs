using Abm.Core.Domain;
using Abm.Core.Scoring;

namespace Abm.Core.Tests.Scoring;

public class AesCalculatorTests
{
    private static readonly AesModel Model = new(new ScoringOptions());

    private static AesEvent Visit(long atMs, int contact = -1) =>
        new(atMs, Model.TypeIndexOf("web_visit"), contact, float.NaN, Seniority.Manager, BuyingRole.Champion, BusinessFunction.Marketing);

    [Fact]
    public void AesEvent_Is24Bytes()
    {
        Assert.Equal(24, System.Runtime.CompilerServices.Unsafe.SizeOf<AesEvent>());
    }

    [Fact]
    public void ComputeAll_MatchesPerAccountCompute()
    {
        const long day = 86_400_000;
        var asOf = 100 * day;
        AesEvent[] events = [Visit(asOf - day), Visit(asOf - (2 * day), 0), Visit(asOf - (30 * day)), Visit(asOf, 0)];
        int[] starts = [0, 2, 3];
        var results = new AesTotals[3];
        var calculator = new AesCalculator(Model);

        calculator.ComputeAll(events, starts, asOf, results);

        Assert.Equal(calculator.Compute(events.AsSpan(0, 2), asOf), results[0]);
        Assert.Equal(0.5, results[1].RawPoints, 12);
        Assert.Equal(1, results[2].RawPoints, 12);
        Assert.Equal(1, results[2].EngagedContacts);
    }

    [Fact]
    public void Compute_WrongSpanLength_Throws()
    {
        var calculator = new AesCalculator(Model);

        Assert.Throws<ArgumentException>(() => calculator.Compute([Visit(0)], 0, new double[2]));
    }

    [Fact]
    public void TypeIndexOf_UnknownAndExcluded()
    {
        Assert.Equal(AesModel.UnknownTypeIndex, Model.TypeIndexOf("no_such_type"));
        Assert.Equal(AesModel.ExcludedTypeIndex, Model.TypeIndexOf("LOGIN"));
        Assert.Equal("web_visit", Model.TypeNameOf(Model.TypeIndexOf("Web_Visit")));
    }
}
