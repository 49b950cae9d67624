using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Consensus.StateTransition.PerBlock;

public static partial class PerBlockProcessing
{
    /// <summary>
    /// Group registration, in place of process_deposit: n in 1..MAX_GROUP_SIZE, m in 1..n and m &gt; n/2 unless
    /// allowUnsafeThreshold, distinct unregistered keys, amount &gt;= n x MIN_ACTIVATION_BALANCE, and every member's
    /// signature (proof of possession) over the registration with the fork-agnostic deposit domain.
    /// </summary>
    internal static void ProcessRegistration(BlockContext context, SignedRegistration signed)
    {
        const BlockRule rule = BlockRule.ProcessRegistration;
        var state = context.State;
        var registration = signed.Message;
        var failure = RegistrationRules.Check(state.Config, registration);
        InvalidBlockException.Require(failure is null, rule, failure ?? string.Empty);
        foreach (var key in registration.Pubkeys)
        {
            InvalidBlockException.Require(state.Groups.FindByPubkey(key) is null, rule, $"key {key} is already registered");
            InvalidBlockException.Require(!state.Groups.IsRetiredKey(key), rule, $"key {key} was rotated out of a group and is still slashable there");
        }

        var candidate = RegistrationRules.NewGroup(state.Preset, registration);
        var domain = Domains.ComputeDomain(Domains.Registration, state.Config.GenesisForkVersion, Root.Zero);
        var signingRoot = Domains.ComputeSigningRoot(SszRoots.Of(registration), domain);
        context.RequireGroupSignature(rule, candidate, state.CurrentEpoch, signingRoot, signed.Signature, candidate.Size);
        state.AddGroup(candidate, registration.Amount.Value);
    }
}
