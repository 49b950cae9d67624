using NativeDvt.Libp2p.Gossipsub;

namespace NativeDvt.Libp2p.Ethereum;

/// <summary>
/// Builds the gossip validator for an <c>ssz_snappy</c> topic: payloads that do not decompress within
/// GOSSIP_MAX_SIZE are rejected (P4 for the sender); the rest go to the application's SSZ validator.
/// </summary>
public static class EthereumGossipValidator
{
    /// <param name="validateSsz">Validates the decompressed SSZ bytes; null accepts every well-formed payload.</param>
    public static GossipValidator Create(Func<string, byte[], CancellationToken, ValueTask<ValidationResult>>? validateSsz = null) =>
        async (source, message, cancellationToken) =>
        {
            byte[] ssz;
            try
            {
                ssz = SszSnappy.Decompress(message.Data);
            }
            catch (SszSnappyException)
            {
                return ValidationResult.Reject;
            }

            return validateSsz is null ? ValidationResult.Accept : await validateSsz(source, ssz, cancellationToken).ConfigureAwait(false);
        };
}
