using NativeDvt.Libp2p.Core.Identity;

namespace NativeDvt.Libp2p.Noise;

/// <summary>The result of a security handshake: the encrypted stream and the authenticated remote identity.</summary>
internal sealed record SecuredChannel(Stream Stream, PublicKey RemotePublicKey, PeerId RemotePeer, IReadOnlyList<string> RemoteStreamMuxers);
