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

        var ps = new AffinePoint<Fp>[sets.Count + 1];
        var qs = new AffinePoint<Fp2>[sets.Count + 1];
        var sigSum = JacobianPoint<Fp2>.Infinity;
        for (var i = 0; i < sets.Count; i++)
        {
            var set = sets[i];
            if (!TryDecodePublicKey(set.PublicKey, out var pk) || !TryDecodeSignature(set.Signature, out var sig))
            {
                return false;
            }

            var r = RandomScalar();
            ps[i] = JacobianPoint<Fp>.MulVartime(pk.ToJacobian(), r).ToAffine();
            qs[i] = HashToG2.Hash(set.Message, Dst).ToAffine();
            sigSum = JacobianPoint<Fp2>.Add(sigSum, JacobianPoint<Fp2>.MulVartime(sig.ToJacobian(), r));
        }

        ps[^1] = AffinePoint<Fp>.Neg(G1.Generator);
        qs[^1] = sigSum.ToAffine();
        return Pairing.IsProductOne(ps, qs);
    }
}
