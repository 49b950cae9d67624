using System.Buffers;
using NativeDvt.Libp2p.Core.Multiaddress;
using NativeDvt.Libp2p.Core.Multiformats;
using NativeDvt.Libp2p.Core.Protobuf;

namespace NativeDvt.Libp2p.Identify;

/// <summary>
/// The identify message: {5: protocolVersion, 6: agentVersion, 1: publicKey, 2: listenAddrs,
/// 4: observedAddr, 3: protocols}. signedPeerRecord (8) is neither sent nor checked.
/// Undecodable listen or observed addresses are skipped rather than failing the message.
/// </summary>
/// <remarks>Spec: https://github.com/libp2p/specs/blob/master/identify/README.md</remarks>
public sealed record IdentifyMessage
{
    public string? ProtocolVersion { get; init; }

    public string? AgentVersion { get; init; }

    /// <summary>The PublicKey protobuf of the sender.</summary>
    public byte[]? PublicKey { get; init; }

    public IReadOnlyList<Multiaddr> ListenAddresses { get; init; } = [];

    /// <summary>The address the sender saw us connect from.</summary>
    public Multiaddr? ObservedAddress { get; init; }

    public IReadOnlyList<string> Protocols { get; init; } = [];

    public byte[] Encode()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new ProtoWriter(buffer);
        if (PublicKey is not null)
        {
            writer.WriteBytes(1, PublicKey);
        }

        foreach (var address in ListenAddresses)
        {
            writer.WriteBytes(2, address.AsSpan());
        }

        foreach (var protocol in Protocols)
        {
            writer.WriteString(3, protocol);
        }

        if (ObservedAddress is not null)
        {
            writer.WriteBytes(4, ObservedAddress.AsSpan());
        }

        if (ProtocolVersion is not null)
        {
            writer.WriteString(5, ProtocolVersion);
        }

        if (AgentVersion is not null)
        {
            writer.WriteString(6, AgentVersion);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Decodes the message; throws <see cref="ProtobufException"/> when it is malformed.</summary>
    public static IdentifyMessage Decode(ReadOnlySpan<byte> bytes)
    {
        string? protocolVersion = null;
        string? agentVersion = null;
        byte[]? publicKey = null;
        Multiaddr? observed = null;
        var listen = new List<Multiaddr>();
        var protocols = new List<string>();
        var reader = new ProtoReader(bytes);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            switch (field)
            {
                case 1 when wireType == WireType.LengthDelimited:
                    publicKey = reader.ReadBytes().ToArray();
                    break;
                case 2 when wireType == WireType.LengthDelimited:
                    if (TryAddress(reader.ReadBytes()) is { } address)
                    {
                        listen.Add(address);
                    }

                    break;
                case 3 when wireType == WireType.LengthDelimited:
                    protocols.Add(reader.ReadString());
                    break;
                case 4 when wireType == WireType.LengthDelimited:
                    observed = TryAddress(reader.ReadBytes());
                    break;
                case 5 when wireType == WireType.LengthDelimited:
                    protocolVersion = reader.ReadString();
                    break;
                case 6 when wireType == WireType.LengthDelimited:
                    agentVersion = reader.ReadString();
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return new IdentifyMessage
        {
            ProtocolVersion = protocolVersion,
            AgentVersion = agentVersion,
            PublicKey = publicKey,
            ListenAddresses = listen,
            ObservedAddress = observed,
            Protocols = protocols,
        };
    }

    private static Multiaddr? TryAddress(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return Multiaddr.FromBytes(bytes);
        }
        catch (MultiformatException)
        {
            return null;
        }
    }
}
