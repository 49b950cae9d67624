namespace NativeDvt.Libp2p.Core.Protobuf;

/// <summary>Malformed protobuf input; the message names the field number and byte offset.</summary>
public sealed class ProtobufException : FormatException
{
    public ProtobufException(string message)
        : base(message)
    {
    }

    public ProtobufException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ProtobufException()
    {
    }
}
