using NativeDvt.Consensus.Config;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Ssz;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Consensus.StateTransition.PerBlock;

/// <summary>The rules a new group must meet, shared by genesis and block registrations.</summary>
public static class RegistrationRules
{
    /// <summary>Null when <paramref name="registration"/> is acceptable under <paramref name="config"/> (keys not yet checked against the registry); else why not.</summary>
    public static string? Check(ChainConfig config, Registration registration)
    {
        var preset = config.Preset;
        var n = (ulong)registration.Pubkeys.Count;
        if (n == 0 || n > preset.MaxGroupSize)
        {
            return $"group size {n} is outside 1..{preset.MaxGroupSize}";
        }

        var m = registration.Threshold;
        if (m == 0 || m > n)
        {
            return $"threshold {m} is outside 1..{n}";
        }

        if (2 * m <= n && !config.AllowUnsafeThreshold)
        {
            return $"threshold {m} of {n} is unsafe (m <= n/2 lets two honest halves both reach m); set allowUnsafeThreshold to accept it";
        }

        var distinct = new HashSet<Bytes>();
        foreach (var key in registration.Pubkeys)
        {
            if (key.Length == 0 || (ulong)key.Length > (ulong)SszLimits.MaxPublicKeyBytes)
            {
                return $"a public key of {key.Length} bytes is outside 1..{(ulong)SszLimits.MaxPublicKeyBytes}";
            }

            if (!distinct.Add(key))
            {
                return $"key {key} appears twice";
            }
        }

        var needed = (UInt128)n * preset.MinActivationBalance;
        if (registration.Amount.Value < needed)
        {
            return $"amount {registration.Amount} is below n x MIN_ACTIVATION_BALANCE = {needed}";
        }

        return null;
    }

    /// <summary>get_validator_from_deposit for a group: effective balance capped at n x MAX_EFFECTIVE_BALANCE, not yet eligible.</summary>
    public static Group NewGroup(Preset preset, Registration registration)
    {
        var amount = registration.Amount.Value;
        var cap = (ulong)registration.Pubkeys.Count * preset.MaxEffectiveBalance;
        return new Group
        {
            Pubkeys = [.. registration.Pubkeys],
            Threshold = registration.Threshold,
            EffectiveBalance = new Gwei(Math.Min(amount - amount % preset.EffectiveBalanceIncrement, cap)),
        };
    }
}
