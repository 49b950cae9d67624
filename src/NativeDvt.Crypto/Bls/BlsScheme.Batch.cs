namespace NativeDvt.Crypto.Bls;

public sealed partial class BlsScheme
{
    /// <summary>
    /// Random linear combination: with fresh random 64-bit r_i, checks
    /// prod e(r_i·pk_i, H(m_i)) · e(-G1, sum r_i·sig_i) = 1 in one multi-pairing. A forged set
    /// passes with probability at most about 2^-64. An empty batch is not valid.
    /// </summary>
    public bool BatchVerify(IReadOnlyList<SignatureSet> sets)
    {
        if (sets.Count == 0)
        {
            return false;
        }

        var n = sets.Count;
        var scaledKeys = new JacobianPoint<Fp>[n];
        var hashes = new JacobianPoint<Fp2>[n];
        var signatures = new AffinePoint<Fp2>[n];
        var keys = new AffinePoint<Fp>[n];
        var scalars = new ulong[n];
        var uncheckedKeys = new List<int>(n);
        for (var i = 0; i < n; i++)
        {
            var set = sets[i];
            var cached = _keys is not null && _keys.TryGet(set.PublicKey, out keys[i]);
            if ((!cached && !TryDecompressPublicKey(set.PublicKey, out keys[i])) || !G2.TryDecompress(set.Signature, out signatures[i]))
            {
                return false;
            }

            if (!cached)
            {
                uncheckedKeys.Add(i);
            }

            scalars[i] = RandomScalar();
            scaledKeys[i] = JacobianPoint<Fp>.MulVartime(keys[i], scalars[i]);
            hashes[i] = HashToG2.Hash(set.Message, Dst);
        }

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
        return Pairing.IsProductOne(ps, qs);
    }
}
