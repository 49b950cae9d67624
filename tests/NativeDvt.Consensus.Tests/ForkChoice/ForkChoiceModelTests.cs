using NativeDvt.Consensus.ForkChoice;
using NativeDvt.Consensus.Primitives;

namespace NativeDvt.Consensus.Tests.ForkChoice;

/// <summary>
/// The batched store against a direct transcription of the spec's get_head / get_weight /
/// filter_block_tree (recursive, one ancestor walk per vote) on random trees, groups and votes.
/// </summary>
[Trait("Category", "Property")]
public sealed class ForkChoiceModelTests
{
    private const ulong SlotMs = 1000;
    private static readonly ForkChoiceConfig Config = new(0, SlotMs, 8);

    [Fact]
    public void GetHeadAndWeights_RandomTrees_MatchSpecModel()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var genesis = RootOf(0);
            var store = new ForkChoiceStore(Config, genesis, Slot.Zero, 0);
            store.OnTick(30 * SlotMs);
            var blocks = new List<ForkChoiceBlock>();
            var genesisCheckpoint = new ForkChoiceCheckpoint(Epoch.Zero, genesis);
            for (var i = 1; i <= 25; i++)
            {
                var parent = random.Next(blocks.Count + 1) is var p && p == 0 ? null : blocks[p - 1];
                var slot = (parent?.Slot.Value ?? 0) + 1 + (ulong)random.Next(3);
                if (slot > 29)
                {
                    continue;
                }

                // Blocks carry realized and (sometimes higher) unrealized justifications of epoch-boundary ancestors.
                var options = new List<ForkChoiceCheckpoint> { genesisCheckpoint };
                if (slot >= 9)
                {
                    options.Add(new ForkChoiceCheckpoint(new Epoch(1), AncestorAtSlot(blocks, parent, genesis, 8)));
                }

                if (slot >= 17)
                {
                    options.Add(new ForkChoiceCheckpoint(new Epoch(2), AncestorAtSlot(blocks, parent, genesis, 16)));
                }

                var realized = random.Next(options.Count);
                var justified = options[realized];
                var unrealized = options[random.Next(realized, options.Count)];
                var block = new ForkChoiceBlock(RootOf(i), parent?.Root ?? genesis, new Slot(slot), justified, genesisCheckpoint)
                {
                    UnrealizedJustified = random.Next(3) == 0 ? unrealized : null,
                };
                Assert.True(store.OnBlock(block).IsAccepted);
                blocks.Add(block);
            }

            var agreed = new List<(Root Root, ulong Balance)>();
            for (var g = 0; g < 12; g++)
            {
                var n = random.Next(1, 5);
                var m = random.Next((n / 2) + 1, n + 1);
                var balance = (ulong)random.Next(1, 64) * 1_000_000_000;
                store.SetGroup(new ForkChoiceGroup(new GroupIndex((ulong)g), n, m, new Gwei(balance)));
                var votes = new List<Root>();
                for (var member = 0; member < n; member++)
                {
                    if (random.Next(5) == 0 || blocks.Count == 0)
                    {
                        continue;
                    }

                    var target = blocks[random.Next(Math.Min(blocks.Count, 3 + random.Next(blocks.Count)))].Root;
                    Assert.True(store.OnAttestation(new MemberVote(new GroupIndex((ulong)g), member, new Epoch(3), target)).IsAccepted);
                    votes.Add(target);
                }

                var best = votes.GroupBy(v => v).Select(v => (Root: v.Key, Count: v.Count())).OrderByDescending(v => v.Count).ToList();
                if (best.Count > 0 && best[0].Count >= m && (best.Count == 1 || best[1].Count < best[0].Count))
                {
                    agreed.Add((best[0].Root, balance));
                }
            }

            var model = new SpecModel(blocks, genesis, agreed, store.Justified, CurrentEpoch: 3);
            foreach (var block in blocks)
            {
                Assert.Equal(new Gwei(model.Weight(block.Root)), store.GetWeight(block.Root));
            }

            Assert.Equal(model.Head(), store.GetHead());
        }
    }

    private static Root AncestorAtSlot(List<ForkChoiceBlock> blocks, ForkChoiceBlock? from, Root genesis, ulong slot)
    {
        for (var block = from; block is not null; block = blocks.Find(b => b.Root == block.ParentRoot))
        {
            if (block.Slot.Value <= slot)
            {
                return block.Root;
            }
        }

        return genesis;
    }

    private static Root RootOf(int tag)
    {
        var bytes = new byte[Root.Length];
        bytes[31] = (byte)tag;
        bytes[0] = (byte)(tag * 37);
        return new Root(bytes);
    }

    private sealed record SpecModel(
        List<ForkChoiceBlock> Blocks, Root Genesis, List<(Root Root, ulong Balance)> Votes, ForkChoiceCheckpoint Justified, ulong CurrentEpoch)
    {
        public ulong Weight(Root root) => Votes.Where(v => IsDescendantOrSelf(v.Root, root)).Aggregate(0UL, (sum, v) => sum + v.Balance);

        public Root Head()
        {
            var head = Justified.Root;
            while (true)
            {
                var children = Blocks.Where(b => b.ParentRoot == head && IsViable(b.Root)).ToList();
                if (children.Count == 0)
                {
                    return head;
                }

                head = children.OrderByDescending(c => Weight(c.Root)).ThenByDescending(c => c.Root.ToArray(), ByteOrder.Instance).First().Root;
            }
        }

        private bool IsViable(Root root)
        {
            var children = Blocks.Where(b => b.ParentRoot == root).ToList();
            if (children.Count > 0)
            {
                return children.Any(c => IsViable(c.Root));
            }

            var block = Blocks.Single(b => b.Root == root);
            var votingSource = block.Slot.Value / 8 < CurrentEpoch ? block.PulledUpJustified : block.Justified;
            var correct = Justified.Epoch.Value == 0 || votingSource.Epoch == Justified.Epoch;
            if (!correct && Justified.Epoch.Value + 1 == CurrentEpoch)
            {
                correct = block.PulledUpJustified.Epoch >= Justified.Epoch && votingSource.Epoch.Value + 2 >= CurrentEpoch;
            }

            return correct;
        }

        private bool IsDescendantOrSelf(Root descendant, Root ancestor)
        {
            for (Root? current = descendant; current is { } c; current = Blocks.Find(b => b.Root == c)?.ParentRoot)
            {
                if (c == ancestor)
                {
                    return true;
                }

                if (c == Genesis)
                {
                    return false;
                }
            }

            return false;
        }
    }

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
