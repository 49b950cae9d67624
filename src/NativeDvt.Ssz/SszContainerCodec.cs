namespace NativeDvt.Ssz;

/// <summary>
/// Base of a container codec: a subclass declares its <see cref="SszContainerLayout"/> and lists its fields three
/// times (write, read, field roots) in declaration order; offsets, sizes and error paths are handled here.
/// NativeDvt.Ssz.Generator writes the subclass of every <see cref="SszContainerAttribute"/> type; a type whose codec is
/// more than its fields subclasses it by hand.
/// </summary>
/// <typeparam name="T">The container's C# type.</typeparam>
public abstract class SszContainerCodec<T> : ISszCodec<T>
{
    /// <summary>Binds the codec to its layout.</summary>
    protected SszContainerCodec(SszContainerLayout layout)
    {
        Layout = layout;
    }

    /// <summary>The container's field layout.</summary>
    protected SszContainerLayout Layout { get; }

    /// <inheritdoc />
    public string TypeName => Layout.TypeName;

    /// <inheritdoc />
    public bool IsFixedSize => Layout.IsFixedSize;

    /// <inheritdoc />
    public int FixedSize => Layout.IsFixedSize ? Layout.FixedPartSize : 0;

    /// <inheritdoc />
    public int GetSize(T value) => IsFixedSize ? FixedSize : checked(Layout.FixedPartSize + GetVariableSize(value));

    /// <inheritdoc />
    public void Write(T value, Span<byte> destination)
    {
        var writer = Layout.Writer(destination);
        WriteFields(ref writer, value);
        CheckAllFields(writer.FieldsWritten, "wrote");
        if (!IsFixedSize && writer.Written != GetSize(value))
        {
            throw new InvalidOperationException($"{TypeName} wrote {writer.Written} bytes but GetVariableSize promised {GetSize(value)}");
        }
    }

    /// <inheritdoc />
    public T Read(ReadOnlySpan<byte> data)
    {
        var reader = Layout.Reader(data);
        var value = ReadFields(ref reader);
        CheckAllFields(reader.FieldsRead, "read");
        return value;
    }

    /// <inheritdoc />
    public virtual Bytes32 HashTreeRoot(T value)
    {
        var merkleizer = Layout.Merkleizer();
        AppendFieldRoots(ref merkleizer, value);
        CheckAllFields((int)merkleizer.Count, "hashed");
        return merkleizer.Finish();
    }

    /// <summary>The summed sizes of the variable fields (not their offsets); 0 for a fixed-size container.</summary>
    protected virtual int GetVariableSize(T value) => 0;

    /// <summary>Writes every field in declaration order.</summary>
    protected abstract void WriteFields(ref SszContainerWriter writer, T value);

    /// <summary>Reads every field in declaration order and builds the value.</summary>
    protected abstract T ReadFields(ref SszContainerReader reader);

    /// <summary>Appends every field's hash_tree_root in declaration order.</summary>
    protected abstract void AppendFieldRoots(ref Merkleizer merkleizer, T value);

    private void CheckAllFields(int done, string what)
    {
        // A codec that skips a field is a bug in the codec, not bad input.
        if (done != Layout.FieldCount)
        {
            throw new InvalidOperationException($"{TypeName} codec {what} {done} of {Layout.FieldCount} fields");
        }
    }
}
