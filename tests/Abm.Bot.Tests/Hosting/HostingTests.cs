using Abm.Bot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Bot.Tests.Hosting;

public sealed class HostingTests
{
    [Theory]
    [InlineData("http://127.0.0.1:3978", true)]
    [InlineData("http://127.0.0.2:80", true)]
    [InlineData("http://[::1]:3978", true)]
    [InlineData("http://localhost:5000", true)]
    [InlineData("http://0.0.0.0:3978", false)]
    [InlineData("http://+:80", false)]
    [InlineData("http://*:80", false)]
    [InlineData("http://[::]:80", false)]
    [InlineData("http://192.168.1.10:3978", false)]
    public void Address_LoopbackIsRecognised(string address, bool loopback)
    {
        Assert.Equal(loopback, AuthenticationGuard.IsLoopback(address));
    }

    [Fact]
    public void FrozenClock_StaysAtInstant()
    {
        var instant = new DateTimeOffset(2017, 6, 30, 12, 0, 0, TimeSpan.FromHours(2));
        var clock = new FrozenTimeProvider(instant);

        Assert.Equal(instant, clock.GetUtcNow());
        Assert.Equal(TimeSpan.Zero, clock.GetUtcNow().Offset);
    }

    [Fact]
    public void AsOfSetting_FreezesRegisteredClock()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Abm:Clock:AsOf"] = "2017-06-30T00:00:00Z" }).Build();
        using var services = new ServiceCollection().AddAbmClock(configuration).BuildServiceProvider();

        Assert.Equal(new DateTimeOffset(2017, 6, 30, 0, 0, 0, TimeSpan.Zero), services.GetRequiredService<TimeProvider>().GetUtcNow());
    }

    [Fact]
    public void NoAsOf_RegistersSystemClock()
    {
        var configuration = new ConfigurationBuilder().Build();
        using var services = new ServiceCollection().AddAbmClock(configuration).BuildServiceProvider();

        Assert.Same(TimeProvider.System, services.GetRequiredService<TimeProvider>());
    }
}
