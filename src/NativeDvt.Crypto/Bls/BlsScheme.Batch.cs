using NativeDvt.Crypto.Bls.Curves;
using NativeDvt.Crypto.Bls.Fields;
using NativeDvt.Crypto.Bls.HashToCurve;
using NativeDvt.Crypto.Bls.Pairings;

namespace NativeDvt.Crypto.Bls;

public sealed partial class BlsScheme
{
    /// <summary>
    /// Sets per thread below which a batch stays on the calling thread: the per-set work (decompression, hashing to G2,
    /// a Miller loop) is about a millisecond, so a few sets already pay for a thread-pool hand-off.
    /// </summary>
    private const int SetsPerThread = 4;

    /// <summary>
    /// Random linear combination: with fresh random 64-bit r_i, checks
    /// prod e(r_i·pk_i, H(m_i)) · e(-G1, sum r_i·sig_i) = 1 in one multi-pairing. A forged set
    /// passes with probability at most about 2^-64. An empty batch is not valid. A batch of at least
    /// 2 x <see cref="SetsPerThread"/> sets is spread over the processors (the sets' decoding and hashing, then the Miller
    /// loops in parts whose products are multiplied before the one final exponentiation), as blst does: the verdict is the
    /// same, only the wall time shrinks.
    /// </summary>
    public bool BatchVerify(IReadOnlyList<SignatureSet> sets)
    {
        if (sets.Count == 0)
        {
            return false;
        }

        var n = sets.Count;
        var parts = Math.Clamp(n / SetsPerThread, 1, Environment.ProcessorCount);
        var scaledKeys = new JacobianPoint<Fp>[n];
        var hashes = new JacobianPoint<Fp2>[n];
        var signatures = new AffinePoint<Fp2>[n];
        var keys = new AffinePoint<Fp>[n];
        var scalars = new ulong[n];
        var cached = new bool[n];
        var malformed = 0;
        ForEachPart(n, parts, (_, from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                var set = sets[i];
                cached[i] = _keys is not null && _keys.TryGet(set.PublicKey, out keys[i]);
                if ((!cached[i] && !TryDecompressPublicKey(set.PublicKey, out keys[i])) || !G2.TryDecompress(set.Signature, out signatures[i]))
                {
                    Interlocked.Exchange(ref malformed, 1);
                    return;
                }

                scalars[i] = RandomScalar();
                scaledKeys[i] = JacobianPoint<Fp>.MulVartime(keys[i], scalars[i]);
                hashes[i] = HashToG2.Hash(set.Message, Dst);
            }
        });
        if (malformed != 0)
        {
            return false;
        }

        var uncheckedKeys = Enumerable.Range(0, n).Where(i => !cached[i]).ToList();

        // The subgroup checks of the keys not yet checked and of the signatures, together (eight at a time in AVX-512
        // lanes when available).
        var freshKeys = uncheckedKeys.Count == n ? keys : [.. uncheckedKeys.Select(i => keys[i])];
        if (G1.FirstOutsideSubgroup(freshKeys) >= 0 || G2.FirstOutsideSubgroup(signatures) >= 0)
        {
            return false;
        }

        foreach (var i in uncheckedKeys)
        {
            _keys?.Add(sets[i].PublicKey, keys[i]);
        }

        var ps = new AffinePoint<Fp>[n + 1];
        var qs = new AffinePoint<Fp2>[n + 1];
        JacobianPoint<Fp>.BatchToAffine(scaledKeys, ps.AsSpan(0, n));
        JacobianPoint<Fp2>.BatchToAffine(hashes, qs.AsSpan(0, n));
        ps[n] = AffinePoint<Fp>.Neg(G1.Generator);
        qs[n] = JacobianPoint<Fp2>.MultiMulVartime(signatures, scalars).ToAffine();
        if (parts == 1)
        {
            return Pairing.IsProductOne(ps, qs);
        }

        var loops = new Fp12[parts];
        ForEachPart(n + 1, parts, (part, from, to) => loops[part] = Pairing.MillerLoop(ps.AsSpan(from, to - from), qs.AsSpan(from, to - from)));
        var product = loops[0];
        for (var part = 1; part < parts; part++)
        {
            product = Fp12.Mul(product, loops[part]);
        }

        return Pairing.FinalExponentiation(product).IsOne;
    }

    /// <summary>
    /// Runs <paramref name="body"/>(part, from, to) on <paramref name="parts"/> consecutive ranges of [0, count), in
    /// parallel when more than one.
    /// </summary>
    private static void ForEachPart(int count, int parts, Action<int, int, int> body)
    {
        if (parts == 1)
        {
            body(0, 0, count);
            return;
        }

        Parallel.For(0, parts, part => body(part, part * count / parts, (part + 1) * count / parts));
    }
}
