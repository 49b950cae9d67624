using NativeDvt.Node.Signing;

namespace NativeDvt.Grains.Storage;

/// <summary>Where each identity's signing records live: one store per identity, from the silo's storage.</summary>
public interface ISigningRecordStores
{
    /// <summary>True when the records outlive the silo (a storage table), false when they live in its memory.</summary>
    bool IsDurable { get; }

    /// <summary>The store of identity <paramref name="identity"/> (an <see cref="Abstractions.IdentityKeys"/> key).</summary>
    Task<ISigningRecordStore> ForIdentityAsync(string identity, CancellationToken cancellationToken);
}
