namespace NativeDvt.Ssz;

/// <summary>
/// Malformed SSZ input (or a value that cannot be encoded). The only exception a decoder throws;
/// <see cref="Field"/> is the path to the offending part, e.g. <c>BeaconBlock.body.attestations[3].data</c>.
/// </summary>
public sealed class SszException : Exception
{
    /// <summary>Creates an exception for a problem at <paramref name="field"/> (empty: the value itself).</summary>
    public SszException(string reason, string field = "")
        : base(field.Length == 0 ? reason : $"{field}: {reason}")
    {
        Reason = reason;
        Field = field;
    }

    /// <summary>Creates an exception without a field path.</summary>
    public SszException()
        : this("malformed SSZ")
    {
    }

    /// <summary>Creates an exception without a field path.</summary>
    public SszException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
        Field = string.Empty;
    }

    /// <summary>What is wrong, without the path.</summary>
    public string Reason { get; }

    /// <summary>The path from the outermost decoded type to the offending part; empty for the value itself.</summary>
    public string Field { get; }

    /// <summary>The same problem seen from the enclosing value: <paramref name="parent"/> is a field name or <c>[i]</c>.</summary>
    public SszException Within(string parent)
    {
        var path = Field.Length == 0 ? parent
            : Field[0] == '[' ? parent + Field
            : parent + "." + Field;
        return new SszException(Reason, path);
    }
}
