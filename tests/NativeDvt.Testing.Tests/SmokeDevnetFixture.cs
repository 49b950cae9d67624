using NativeDvt.Tests;

namespace NativeDvt.Testing.Tests;

/// <summary>
/// devnets/smoke.yaml as the AppHost runs it (two silos, six Ed25519 identities, 1 s slots), shared by the tests of one
/// class: a devnet takes seconds to reach its first epoch, so tests that only read it share one.
/// </summary>
public sealed class SmokeDevnetFixture : IAsyncLifetime
{
    private TestDevnet? _devnet;

    /// <summary>The running devnet.</summary>
    public TestDevnet Devnet => _devnet ?? throw new InvalidOperationException("the fixture has not started");

    /// <inheritdoc />
    public async ValueTask InitializeAsync() =>
        _devnet = await TestDevnet.FromFileAsync(Path.Combine(RepositoryPaths.Root, "devnets", "smoke.yaml"));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_devnet is { } devnet)
        {
            await devnet.DisposeAsync();
        }
    }
}
