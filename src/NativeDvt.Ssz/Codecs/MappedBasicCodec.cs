namespace NativeDvt.Ssz.Codecs;

/// <summary>A mapped basic type, still packed when it is the element of a vector or list.</summary>
internal sealed class MappedBasicCodec<TInner, TOuter>(ISszBasicCodec<TInner> inner, Func<TInner, TOuter> wrap, Func<TOuter, TInner> unwrap)
    : MappedCodec<TInner, TOuter>(inner, wrap, unwrap), ISszBasicCodec<TOuter>;
