namespace NativeDvt.Ssz;

/// <summary>
/// A basic type (uintN, boolean): vectors and lists of it are packed into chunks for hash_tree_root
/// rather than merkleizing one root per element.
/// </summary>
/// <typeparam name="T">The C# value type.</typeparam>
public interface ISszBasicCodec<T> : ISszCodec<T>;
