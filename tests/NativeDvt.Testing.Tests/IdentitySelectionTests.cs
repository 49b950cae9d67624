using NativeDvt.Grains.Faults;
using NativeDvt.Devnet;

namespace NativeDvt.Testing.Tests;

[Trait("Category", "Unit")]
public sealed class IdentitySelectionTests
{
    private static readonly DevnetSpec Spec = DevnetFileReader.Parse("""
        name: selection
        scheme: ed25519
        groups:
          - { n: 3, m: 2 }
        solos:
          count: 2
        """);

    [Theory]
    [InlineData("all", "g0-m0 g0-m1 g0-m2 g1-m0 g2-m0")]
    [InlineData("g0", "g0-m0 g0-m1 g0-m2")]
    [InlineData("g0-m1", "g0-m1")]
    [InlineData("g0/m0-1", "g0-m0 g0-m1")]
    [InlineData("g2, g0/m2, g0-m2", "g0-m2 g2-m0")]
    [InlineData("g1-2", "g1-m0 g2-m0")]
    public void Resolve_KeysAndFileSelectors_IdentitiesInRegistryOrder(string selector, string expected) =>
        Assert.Equal(expected.Split(' '), IdentitySelection.Resolve(Spec, selector));

    [Theory]
    [InlineData("g0-m3", "is not an identity")]
    [InlineData("g3", "names group 3")]
    [InlineData("g0/m5", "selects no identity")]
    [InlineData("x1", "is not a selector")]
    public void Resolve_WhatTheDevnetDoesNotHave_ThrowsSayingSo(string selector, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => IdentitySelection.Resolve(Spec, selector));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
