namespace Abm.Core.Tests.Alerts;

public class ApiKeyStoreTests
{
    [Fact]
    public async Task CreatedKey_AuthenticatesAsItsSource()
    {
        using var fixture = new AlertFixture();
        var created = await fixture.Keys.CreateAsync("hubspot", CancellationToken.None);

        Assert.Equal("hubspot", await fixture.Keys.AuthenticateAsync(created.Key, CancellationToken.None));
    }

    [Fact]
    public async Task AlteredSecret_Rejected()
    {
        using var fixture = new AlertFixture();
        var created = await fixture.Keys.CreateAsync("hubspot", CancellationToken.None);
        var altered = created.Key[..^2] + (created.Key[^2] == 'A' ? "BA" : "AA");

        Assert.Null(await fixture.Keys.AuthenticateAsync(altered, CancellationToken.None));
    }

    [Fact]
    public async Task RevokedKey_Rejected()
    {
        using var fixture = new AlertFixture();
        var created = await fixture.Keys.CreateAsync("hubspot", CancellationToken.None);
        await fixture.Keys.RevokeAsync(created.Id, CancellationToken.None);

        Assert.Null(await fixture.Keys.AuthenticateAsync(created.Key, CancellationToken.None));
    }

    [Fact]
    public async Task StoredHash_DoesNotContainTheKey()
    {
        using var fixture = new AlertFixture();
        var created = await fixture.Keys.CreateAsync("hubspot", CancellationToken.None);

        var stored = Assert.Single(await fixture.Keys.ListAsync(CancellationToken.None));

        Assert.DoesNotContain(stored.Hash, created.Key, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task BadSourceName_Throws()
    {
        using var fixture = new AlertFixture();

        await Assert.ThrowsAsync<ArgumentException>(() => fixture.Keys.CreateAsync("hub spot", CancellationToken.None));
    }
}
