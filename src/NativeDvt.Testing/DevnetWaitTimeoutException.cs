namespace NativeDvt.Testing;

/// <summary>A <see cref="TestDevnet"/> wait ran out; the message says where each identity's chain was.</summary>
public sealed class DevnetWaitTimeoutException : TimeoutException
{
    public DevnetWaitTimeoutException(string message)
        : base(message)
    {
    }

    public DevnetWaitTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DevnetWaitTimeoutException()
    {
    }
}
