using NativeDvt.Consensus.Config;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Ssz;

// The generated container codecs take newtype and byte-string codecs from ConsensusCodecs, and preset-bound limits from Preset.
[assembly: SszCodecProvider(typeof(ConsensusCodecs), Preset = typeof(Preset))]
