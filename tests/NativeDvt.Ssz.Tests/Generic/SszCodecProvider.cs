using NativeDvt.Ssz;

// The test containers' basic fields (uint8 .. uint64) take the library's own codecs.
[assembly: SszCodecProvider(typeof(SszCodecs))]
