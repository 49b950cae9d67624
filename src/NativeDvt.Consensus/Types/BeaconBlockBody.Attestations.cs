using NativeDvt.Consensus.Config;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.Types;

public sealed partial record BeaconBlockBody
{
    /// <summary>The codec of <see cref="Attestations"/>: the generic list's bytes, hashing each shared AttestationData once.</summary>
    private static ISszCodec<IReadOnlyList<GroupAttestation>> AttestationsCodec(Preset preset) =>
        new GroupAttestationListCodec(checked((long)preset.MaxAttestations));
}
