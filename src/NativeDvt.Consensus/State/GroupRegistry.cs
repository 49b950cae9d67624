using NativeDvt.Consensus.Primitives;
using NativeDvt.Consensus.Types;
using NativeDvt.Ssz;

namespace NativeDvt.Consensus.State;

/// <summary>
/// The state's group registry: immutable <see cref="Group"/> entries, each with its cached hash_tree_root,
/// recomputed only after the entry changes; and a lazily built index from member key to group.
/// </summary>
public sealed class GroupRegistry
{
    private readonly List<Group> _groups;
    private readonly List<Bytes32> _roots;
    private readonly List<bool> _rootValid;
    private const int OverlayLimit = 1024;
    private Dictionary<Bytes, GroupIndex>? _sharedPubkeyIndex;
    private (ulong Limit, Bytes32 Root)? _listRoot;
    private Dictionary<Bytes, GroupIndex> _pubkeysAdded = [];

    // Guards the lazy folding of the overlay into the shared index: a registry shared read-only between threads
    // (a post-state many nodes hold) is still folded by the first copy or lookup.
    private readonly Lock _indexGate = new();

    /// <summary>An empty registry.</summary>
    public GroupRegistry()
    {
        _groups = [];
        _roots = [];
        _rootValid = [];
    }

    private GroupRegistry(GroupRegistry other)
    {
        lock (other._indexGate)
        {
            if (other._pubkeysAdded.Count > OverlayLimit)
            {
                // Fold a large overlay (genesis, a decoded state) into the shared index once, instead of copying it each time.
                other._sharedPubkeyIndex = other.BuildPubkeyIndex();
                other._pubkeysAdded = [];
            }

            _sharedPubkeyIndex = other._sharedPubkeyIndex;
            _pubkeysAdded = new Dictionary<Bytes, GroupIndex>(other._pubkeysAdded);
        }

        _groups = [.. other._groups];
        _roots = [.. other._roots];
        _rootValid = [.. other._rootValid];
        Changed = other.Changed;
        _listRoot = other._listRoot;
    }

    /// <summary>The number of groups.</summary>
    public int Count => _groups.Count;

    /// <summary>Raised flag: some entry changed since <see cref="ClearChanged"/>; callers use it to drop derived caches.</summary>
    internal bool Changed { get; private set; }

    /// <summary>The group at <paramref name="index"/>.</summary>
    public Group this[int index] => _groups[index];

    /// <summary>The group at <paramref name="index"/>.</summary>
    public Group this[GroupIndex index] => _groups[checked((int)index.Value)];

    /// <summary>Whether <paramref name="index"/> names a registered group.</summary>
    public bool Contains(GroupIndex index) => index.Value < (ulong)_groups.Count;

    /// <summary>Every entry, read-only.</summary>
    public IReadOnlyList<Group> Entries => _groups;

    /// <summary>A read-only view of every entry, for fast loops.</summary>
    public ReadOnlySpan<Group> AsSpan() => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_groups);

    /// <summary>Replaces an entry and invalidates its cached root.</summary>
    public void Set(int index, Group group)
    {
        var previous = _groups[index];
        _groups[index] = group;
        _rootValid[index] = false;
        _listRoot = null;
        Changed = true;
        if (!ReferenceEquals(previous.Pubkeys, group.Pubkeys))
        {
            foreach (var key in group.Pubkeys)
            {
                _pubkeysAdded[key] = new GroupIndex((ulong)index);
            }
        }
    }

    /// <summary>Appends a new entry.</summary>
    public GroupIndex Add(Group group)
    {
        var index = new GroupIndex((ulong)_groups.Count);
        _groups.Add(group);
        _roots.Add(Bytes32.Zero);
        _rootValid.Add(false);
        _listRoot = null;
        Changed = true;
        foreach (var key in group.Pubkeys)
        {
            _pubkeysAdded[key] = index;
        }

        return index;
    }

    /// <summary>Resets <see cref="Changed"/>.</summary>
    internal void ClearChanged() => Changed = false;

    /// <summary>The group holding <paramref name="pubkey"/> as a latest member key, if any.</summary>
    /// <remarks>
    /// The index is built once and shared by copies; keys added since live in a small per-copy overlay. A hit is
    /// confirmed against the group's keys, so keys rotated out since the index was built are not found.
    /// </remarks>
    public GroupIndex? FindByPubkey(Bytes pubkey)
    {
        Dictionary<Bytes, GroupIndex> shared;
        lock (_indexGate)
        {
            if (_pubkeysAdded.TryGetValue(pubkey, out var added) && Holds(added, pubkey))
            {
                return added;
            }

            if (_sharedPubkeyIndex is null)
            {
                _sharedPubkeyIndex = BuildPubkeyIndex();
                _pubkeysAdded = [];
            }

            shared = _sharedPubkeyIndex;
        }

        return shared.TryGetValue(pubkey, out var index) && Holds(index, pubkey) ? index : null;
    }

    /// <summary>Whether <paramref name="pubkey"/> was rotated out of some group recently enough to still be slashable there.</summary>
    /// <remarks>A scan over the registry: only registrations and rotations ask, so it stays off the hot paths.</remarks>
    public bool IsRetiredKey(Bytes pubkey)
    {
        foreach (var group in AsSpan())
        {
            foreach (var change in group.KeyChanges)
            {
                if (change.OldPubkey == pubkey)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool Holds(GroupIndex index, Bytes pubkey) =>
        index.Value < (ulong)_groups.Count && _groups[(int)index.Value].Pubkeys.Contains(pubkey);

    /// <summary>Each entry's hash_tree_root, recomputing only stale ones.</summary>
    public ReadOnlySpan<Bytes32> Roots()
    {
        for (var i = 0; i < _groups.Count; i++)
        {
            if (!_rootValid[i])
            {
                _roots[i] = Group.Codec.HashTreeRoot(_groups[i]);
                _rootValid[i] = true;
            }
        }

        return System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_roots);
    }

    /// <summary>hash_tree_root of List[Group, <paramref name="limit"/>], kept until an entry changes: most slots change no group.</summary>
    public Bytes32 ListRoot(ulong limit)
    {
        if (_listRoot is not { } cached || cached.Limit != limit)
        {
            cached = (limit, Merkle.MixInLength(Merkle.Merkleize(Roots(), limit), (ulong)_groups.Count));
            _listRoot = cached;
        }

        return cached.Root;
    }

    /// <summary>A copy sharing the immutable entries and their cached roots.</summary>
    public GroupRegistry Copy() => new(this);

    private Dictionary<Bytes, GroupIndex> BuildPubkeyIndex()
    {
        var index = new Dictionary<Bytes, GroupIndex>();
        for (var i = 0; i < _groups.Count; i++)
        {
            foreach (var key in _groups[i].Pubkeys)
            {
                index[key] = new GroupIndex((ulong)i);
            }
        }

        return index;
    }
}
