namespace NativeDvt.Node.Signing;

/// <summary>One value of an <see cref="ISigningRecordStore"/> with the version it was stored under (1 for the first write).</summary>
public sealed record StoredRecord(byte[] Value, long Version);
