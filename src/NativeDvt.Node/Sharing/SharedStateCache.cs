using NativeDvt.Consensus.ForkChoice;
using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Signing;
using NativeDvt.Consensus.State;
using NativeDvt.Consensus.StateTransition;
using NativeDvt.Consensus.StateTransition.PerBlock;
using NativeDvt.Consensus.StateTransition.PerEpoch;
using NativeDvt.Consensus.StateTransition.PerSlot;
using NativeDvt.Consensus.Types;

namespace NativeDvt.Node.Sharing;

/// <summary>
/// Post-states computed once per process. Every node of a process (a silo's identities, the simulator's
/// thousands) sees the same blocks; a block's state transition is run by the first node that needs it and
/// its result reused by the rest. Entries are keyed by block root (which the signature does not change:
/// the block signature is checked per call, through the cached verifier). Returned states are shared and
/// read-only. Thread-safe, and no caller ever waits for another's computation: the lock only guards the
/// dictionaries, transitions run outside it, and nodes that need one new transition at the same time each
/// run it (a pure function: the same result) and all get the first result stored. A host's scheduler
/// thread (an Orleans silo has few) is thus never blocked for the length of an epoch transition.
/// </summary>
public sealed class SharedStateCache(ISignatureVerifier verifier)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Root, StoredBlock> _blocks = [];
    private readonly Dictionary<Root, (BeaconState? Post, BlockError? Error)> _unsigned = [];
    private readonly Dictionary<Root, (BeaconState? Post, BlockError? Error)> _unsignedNoStateRoot = [];
    private readonly Dictionary<(Root Root, Slot Slot), BeaconState> _advanced = [];
    private readonly Dictionary<(Root Root, Slot Slot), GroupIndex> _proposers = [];

    /// <summary>Gossip payloads decoded once per process.</summary>
    public SharedMessageCache Messages { get; } = new();

    /// <summary>The verifier every state transition uses.</summary>
    public ISignatureVerifier Verifier { get; } = verifier;

    /// <summary>
    /// State transitions kept (cache misses), for reports: each block's counts once, however many nodes ran it at once,
    /// so the count does not depend on how threads interleave.
    /// </summary>
    public long Transitions => Interlocked.Read(ref _transitions);

    private long _transitions;

    /// <summary>Adds a trusted anchor (genesis): its state and root.</summary>
    public StoredBlock AddAnchor(Root root, BeaconState state)
    {
        lock (_gate)
        {
            if (!_blocks.TryGetValue(root, out var stored))
            {
                var checkpoint = new ForkChoiceCheckpoint(state.CurrentEpoch, root);
                stored = new StoredBlock(root, null, state, new ForkChoiceBlock(root, default, state.Slot, checkpoint, checkpoint), []);
                _blocks[root] = stored;
            }

            return stored;
        }
    }

    /// <summary>The post-state of <paramref name="parent"/> advanced through empty slots to <paramref name="slot"/> (shared, read-only).</summary>
    public BeaconState Advanced(StoredBlock parent, Slot slot)
    {
        if (slot <= parent.PostState.Slot)
        {
            return parent.PostState;
        }

        var key = (parent.Root, slot);
        lock (_gate)
        {
            if (_advanced.TryGetValue(key, out var known))
            {
                return known;
            }
        }

        var state = parent.PostState.Copy();
        PerSlotProcessing.ProcessSlots(state, slot);
        return Keep(_advanced, key, state, out _);
    }

    /// <summary>get_beacon_proposer_index at <paramref name="slot"/> on the chain of <paramref name="parent"/>, computed once per process.</summary>
    public GroupIndex Proposer(StoredBlock parent, Slot slot)
    {
        lock (_gate)
        {
            if (_proposers.TryGetValue((parent.Root, slot), out var known))
            {
                return known;
            }
        }

        var proposer = Advanced(parent, slot).GetBeaconProposerIndex(slot);
        lock (_gate)
        {
            _proposers[(parent.Root, slot)] = proposer;
        }

        return proposer;
    }

    /// <summary>
    /// Runs <paramref name="block"/> (not yet group-signed) on its parent's state with every body signature checked:
    /// what a follower verifies before it co-signs. <paramref name="checkStateRoot"/> false skips the state-root
    /// comparison (the bug-invalid-state-root profile).
    /// </summary>
    public (BeaconState? Post, BlockError? Error) ValidateUnsigned(Root root, BeaconBlock block, StoredBlock parent, bool checkStateRoot = true)
    {
        var results = checkStateRoot ? _unsigned : _unsignedNoStateRoot;
        lock (_gate)
        {
            if (results.TryGetValue(root, out var known))
            {
                return known;
            }
        }

        var result = Keep(results, root, Transition(block, parent, checkStateRoot), out var kept);
        if (kept)
        {
            Interlocked.Increment(ref _transitions);
        }

        return result;
    }

    private (BeaconState? Post, BlockError? Error) Transition(BeaconBlock block, StoredBlock parent, bool checkStateRoot)
    {
        var pre = Advanced(parent, block.Slot);
        var post = pre.Copy();
        var error = block.Slot < post.Slot || block.Slot == parent.Slot
            ? new BlockError(BlockRule.StateTransition, $"block slot {block.Slot} is not after its parent's {parent.Slot}")
            : PerBlockProcessing.ProcessBlock(post, block, Verifier);
        if (error is null && checkStateRoot && block.StateRoot != post.HashTreeRoot())
        {
            error = new BlockError(BlockRule.StateTransition, "state root does not match the post-state");
        }

        return error is null ? (post, null) : (null, error);
    }

    /// <summary>
    /// Stores <paramref name="value"/> under <paramref name="key"/> unless a racing caller stored first; then returns
    /// theirs, so every caller holds the same shared object.
    /// </summary>
    private TValue Keep<TKey, TValue>(Dictionary<TKey, TValue> results, TKey key, TValue value, out bool kept)
        where TKey : notnull
    {
        lock (_gate)
        {
            kept = results.TryAdd(key, value);
            return kept ? value : results[key];
        }
    }

    /// <summary>The stored block for <paramref name="root"/> if some node already imported it.</summary>
    public StoredBlock? Find(Root root)
    {
        lock (_gate)
        {
            return _blocks.GetValueOrDefault(root);
        }
    }

    /// <summary>
    /// Imports a complete block: the group signature is checked against the parent's state advanced to the block's slot,
    /// the body and state root once per process.
    /// </summary>
    /// <remarks><paramref name="signatureVerified"/>: another node of the process already checked this very message's group signature.</remarks>
    public (StoredBlock? Block, BlockError? Error) Import(Root root, SignedBeaconBlock signed, byte[] encoded, StoredBlock parent, bool checkStateRoot = true, bool signatureVerified = false)
    {
        var pre = Advanced(parent, signed.Message.Slot);
        var signatureError = signatureVerified ? null : StateTransitionFunction.VerifyBlockSignature(pre, signed, Verifier, null);
        if (signatureError is not null)
        {
            return (null, signatureError);
        }

        lock (_gate)
        {
            if (_blocks.TryGetValue(root, out var known))
            {
                return (known, null);
            }
        }

        var (post, error) = ValidateUnsigned(root, signed.Message, parent, checkStateRoot);
        if (post is null)
        {
            return (null, error);
        }

        var (justified, finalized) = PulledUpTip(post);
        var block = new ForkChoiceBlock(root, parent.Root, signed.Message.Slot,
            new ForkChoiceCheckpoint(post.CurrentJustifiedCheckpoint.Epoch, post.CurrentJustifiedCheckpoint.Root),
            new ForkChoiceCheckpoint(post.FinalizedCheckpoint.Epoch, post.FinalizedCheckpoint.Root))
        {
            UnrealizedJustified = new ForkChoiceCheckpoint(justified.Epoch, justified.Root),
            UnrealizedFinalized = new ForkChoiceCheckpoint(finalized.Epoch, finalized.Root),
        };
        var stored = new StoredBlock(root, signed, post, block, encoded);
        lock (_gate)
        {
            if (checkStateRoot && !_blocks.TryAdd(root, stored))
            {
                return (_blocks[root], null);
            }
        }

        return (stored, null);
    }

    /// <summary>Forgets advanced states and validation results of slots before <paramref name="slot"/>.</summary>
    public void PruneBefore(Slot slot)
    {
        lock (_gate)
        {
            foreach (var key in _advanced.Keys.Where(k => k.Slot < slot).ToList())
            {
                _advanced.Remove(key);
            }

            foreach (var key in _proposers.Keys.Where(k => k.Slot < slot).ToList())
            {
                _proposers.Remove(key);
            }

            foreach (var (root, stored) in _blocks.Where(b => b.Value.Slot < slot && b.Value.Block is not null).ToList())
            {
                _blocks.Remove(root);
                _unsigned.Remove(root);
                _unsignedNoStateRoot.Remove(root);
            }
        }
    }

    /// <summary>compute_pulled_up_tip: justification and finalization run on a copy of the post-state.</summary>
    private static (Checkpoint Justified, Checkpoint Finalized) PulledUpTip(BeaconState post)
    {
        if (post.CurrentEpoch.Value <= 1)
        {
            return (post.CurrentJustifiedCheckpoint, post.FinalizedCheckpoint);
        }

        var state = post.Copy();
        var groups = state.Groups.AsSpan();
        ulong total = 0, previousTarget = 0, currentTarget = 0;
        for (var i = 0; i < groups.Length; i++)
        {
            var group = groups[i];
            var balance = group.EffectiveBalance.Value;
            if (group.IsActive(state.CurrentEpoch))
            {
                total += balance;
                if (!group.Slashed && ParticipationFlags.Has(state.CurrentEpochParticipation[i], ParticipationFlags.TimelyTarget))
                {
                    currentTarget += balance;
                }
            }

            if (group.IsActive(state.PreviousEpoch) && !group.Slashed && ParticipationFlags.Has(state.PreviousEpochParticipation[i], ParticipationFlags.TimelyTarget))
            {
                previousTarget += balance;
            }
        }

        var increment = state.Preset.EffectiveBalanceIncrement;
        // The current epoch's target root is only kept once the state is past the epoch's first slot.
        if (state.Slot == ChainTime.StartSlot(state.Preset, state.CurrentEpoch))
        {
            currentTarget = 0;
        }

        PerEpochProcessing.WeighJustificationAndFinalization(state, Math.Max(increment, total), Math.Max(increment, previousTarget), Math.Max(increment, currentTarget));
        return (state.CurrentJustifiedCheckpoint, state.FinalizedCheckpoint);
    }
}
