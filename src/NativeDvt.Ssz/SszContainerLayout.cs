namespace NativeDvt.Ssz;

/// <summary>
/// The field shapes of a container, computed once per type: fixed-part size and where each field's
/// bytes or 4-byte offset sit. Codecs read and write through it so offsets are handled in one place.
/// </summary>
public sealed class SszContainerLayout
{
    private readonly string[] _names;
    private readonly ISszType[] _types;
    private readonly int[] _positions;
    private readonly int[] _nextVariable;

    /// <summary>A container named <paramref name="typeName"/> with the given fields in declaration order.</summary>
    public SszContainerLayout(string typeName, params (string Name, ISszType Type)[] fields)
    {
        ArgumentOutOfRangeException.ThrowIfZero(fields.Length);
        TypeName = typeName;
        _names = new string[fields.Length];
        _types = new ISszType[fields.Length];
        _positions = new int[fields.Length];
        _nextVariable = new int[fields.Length];
        var position = 0;
        var fixedSize = true;
        for (var i = 0; i < fields.Length; i++)
        {
            _names[i] = fields[i].Name;
            _types[i] = fields[i].Type;
            _positions[i] = position;
            position = checked(position + (fields[i].Type.IsFixedSize ? fields[i].Type.FixedSize : Codecs.SszRead.OffsetSize));
            fixedSize &= fields[i].Type.IsFixedSize;
        }

        var next = -1;
        for (var i = fields.Length - 1; i >= 0; i--)
        {
            _nextVariable[i] = next;
            if (!_types[i].IsFixedSize)
            {
                next = i;
            }
        }

        FirstVariable = next;
        FixedPartSize = position;
        IsFixedSize = fixedSize;
    }

    /// <summary>The container's type name, the head of error paths.</summary>
    public string TypeName { get; }

    /// <summary>The number of fields, also the merkleization limit.</summary>
    public int FieldCount => _names.Length;

    /// <summary>The size of the fixed part: fixed fields plus one offset per variable field.</summary>
    public int FixedPartSize { get; }

    /// <summary>True when every field is fixed-size.</summary>
    public bool IsFixedSize { get; }

    internal int FirstVariable { get; }

    /// <summary>A reader over exactly one serialized container; validates the size and all offsets first.</summary>
    public SszContainerReader Reader(ReadOnlySpan<byte> data) => new(this, data);

    /// <summary>A writer into the destination of exactly the container's size.</summary>
    public SszContainerWriter Writer(Span<byte> destination) => new(this, destination);

    /// <summary>A merkleizer for the field roots.</summary>
    public Merkleizer Merkleizer() => new((ulong)FieldCount);

    internal string NameOf(int field) => _names[field];

    internal int PositionOf(int field) => _positions[field];

    internal int NextVariableOf(int field) => _nextVariable[field];

    internal bool IsVariable(int field) => !_types[field].IsFixedSize;

    internal void CheckField(int field, ISszType type)
    {
        if (field >= _types.Length)
        {
            throw new InvalidOperationException($"{TypeName} has only {_types.Length} fields");
        }

        var declared = _types[field];
        if (declared.IsFixedSize != type.IsFixedSize || declared.FixedSize != type.FixedSize)
        {
            throw new InvalidOperationException($"{TypeName}.{_names[field]} is declared as {declared.TypeName}, used as {type.TypeName}");
        }
    }
}
