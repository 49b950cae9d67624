using NativeDvt.Crypto.Bls;
using NativeDvt.Crypto.Bls.Curves;
using NativeDvt.Crypto.Bls.Fields;
using NativeDvt.Crypto.Bls.HashToCurve;
using NativeDvt.Crypto.Bls.Lanes;
using NativeDvt.Crypto.Bls.Pairings;

namespace NativeDvt.Crypto.Benchmarks.Bls;

/// <summary>Costs of the layers under the scheme (field, group, hashing, pairing), to see where time goes.</summary>
internal static class BlsPrimitivesBenchmark
{
    // --only TEXT: just the figures whose name contains TEXT.
    private static string? _only;

    public static int Run(string[] args)
    {
        var minMs = 300;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--ms")
            {
                minMs = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (args[i] == "--only")
            {
                _only = args[i + 1];
            }
        }

        var a = FieldConstants.FpFromHex("17f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb");
        var b = FieldConstants.FpFromHex("08b3f481e3aaa0f1a09e30ed741d8ae4fcf5e095d5d00af600db18cb2c04b3edd03cc744a2888ae40caa232946c5e7e1");
        var a2 = G2.Generator.X;
        var b2 = G2.Generator.Y;
        var g1 = G1.Generator;
        var g2 = G2.Generator;
        var message = new byte[32];
        var f = Pairing.MillerLoop([g1], [g2]);
        var sig = G2.Compress(g2);

        Report("Fp mul (ns)", minMs, 1000, () =>
        {
            var x = a;
            for (var i = 0; i < 1000; i++)
            {
                x = Fp.Mul(x, b);
            }

            return x.IsZero;
        });
        Report("Fp square (ns)", minMs, 1000, () =>
        {
            var x = a;
            for (var i = 0; i < 1000; i++)
            {
                x = Fp.Square(x);
            }

            return x.IsZero;
        });
        Console.WriteLine($"path: {MachineDescription.Path()}");
        foreach (var lanes in FpLanes.IsSupported ? new[] { 8, 4, 2 } : [])
        {
            Report($"Fp lanes mul, {lanes} (ns/product)", minMs, 100 * lanes, () => LanesMul(a, b, lanes, sum: false));
            Report($"Fp lanes mulsum, {lanes} (ns/sum)", minMs, 100 * lanes, () => LanesMul(a, b, lanes, sum: true));
        }

        Report("Fp2 mul (ns)", minMs, 1000, () =>
        {
            var x = a2;
            for (var i = 0; i < 1000; i++)
            {
                x = Fp2.Mul(x, b2);
            }

            return x.IsZero;
        });
        Report("Fp2 square (ns)", minMs, 1000, () =>
        {
            var x = a2;
            for (var i = 0; i < 1000; i++)
            {
                x = Fp2.Square(x);
            }

            return x.IsZero;
        });
        var f6 = f.C0;
        var g6 = f.C1;
        Report("Fp6 mul (ns)", minMs, 100, () =>
        {
            var x = f6;
            for (var i = 0; i < 100; i++)
            {
                x = Fp6.Mul(x, g6);
            }

            return x.IsZero;
        });
        Report("Fp12 mul (ns)", minMs, 100, () =>
        {
            var x = f;
            for (var i = 0; i < 100; i++)
            {
                x = Fp12.Mul(x, f);
            }

            return x.IsOne;
        });
        Report("Fp12 cyclotomic square (ns)", minMs, 100, () =>
        {
            var x = f;
            for (var i = 0; i < 100; i++)
            {
                x = Fp12.CyclotomicSquare(x);
            }

            return x.IsOne;
        });
        Report("Fp12 square (ns)", minMs, 100, () => Repeat(f, x => Fp12.Square(x)));
        Report("Fp12 line product (ns)", minMs, 100, () => Repeat(f, x => Fp12.MulByLine(x, a2, b2, a2)));
        Report("Fp12 mul scalar (ns)", minMs, 100, () => Repeat(f, x => Fp12.MulScalar(x, f)));
        Report("Fp12 square scalar (ns)", minMs, 100, () => Repeat(f, x => Fp12.SquareScalar(x)));
        Report("Fp12 line product scalar (ns)", minMs, 100, () => Repeat(f, x => Fp12.MulByLineScalar(x, a2, b2, a2)));
        Report("Fp12 cyclotomic sq scalar (ns)", minMs, 100, () => Repeat(f, x => Fp12.CyclotomicSquareScalar(x)));
        if (FpLanes.IsSupported)
        {
            Report("Fp12 cyclotomic sq lanes (ns)", minMs, 100, () => Repeat(f, x => Fp12Lanes.CyclotomicSquare(x)));
        }

        Report("Fp inverse (ns)", minMs, 1, () => Fp.Inverse(a).IsZero);
        Report("Fp inverse vartime (ns)", minMs, 1, () => Fp.InverseVartime(a).IsZero);
        Report("Fp sqrt (ns)", minMs, 1, () => Fp.TrySqrt(a, out _));
        Report("Fp2 sqrt (ns)", minMs, 1, () => Fp2.TrySqrt(a2, out _));
        Report("G2 decompress (ns)", minMs, 1, () => G2.TryDecompress(sig, out _));
        Report("G2 subgroup check (ns)", minMs, 1, () => G2.IsInSubgroup(g2));
        var eightG2 = Enumerable.Repeat(G2.Generator, FpLanes.Width).ToArray();
        var eightResults = new bool[FpLanes.Width];
        if (FpLanes.IsSupported)
        {
            Report("G2 subgroup check x8 lanes (ns/point)", minMs, FpLanes.Width, () =>
            {
                G2Lanes.AreInSubgroup(eightG2, eightResults);
                return eightResults[0];
            });
        }

        var inputs = BenchmarkInputs.Create(new BlsScheme());
        var seven = inputs.Signatures7.Select(bytes => G2.TryDecompress(bytes, out var point) ? point : throw new InvalidOperationException()).ToArray();
        Report("G2 subgroup check x7 (ns)", minMs, 1, () => G2.FirstOutsideSubgroup(seven) < 0);
        Report("G1 subgroup check (ns)", minMs, 1, () => G1.IsInSubgroup(g1));
        var eightG1 = Enumerable.Repeat(G1.Generator, FpLanes.Width).ToArray();
        if (FpLanes.IsSupported)
        {
            Report("G1 subgroup check x8 lanes (ns/point)", minMs, FpLanes.Width, () =>
            {
                G1Lanes.AreInSubgroup(eightG1, eightResults);
                return eightResults[0];
            });
        }

        Report("map_to_curve G2 (ns)", minMs, 1, () => MapToG2.MapToCurve(a2).IsInfinity);
        Report("clear_cofactor G2 (ns)", minMs, 1, () => G2.ClearCofactor(g2.ToJacobian()).IsInfinity);
        Report("hash_to_G2 (ns)", minMs, 1, () => HashToG2.Hash(message, BlsScheme.Dst).IsInfinity);
        var hashed = HashToG2.Hash(message, BlsScheme.Dst).ToAffine();
        var secret = new byte[32];
        secret[31] = 7;
        secret[0] = 0x3a;
        Report("G2 GLS mul, constant time (ns)", minMs, 1, () => G2.MulConstantTime(hashed, secret).Z.IsZero);
        var pp = ProjectivePoint<Fp2>.FromAffine(hashed);
        var qq = ProjectivePoint<Fp2>.Double(pp);
        Report("G2 projective add (ns)", minMs, 100, () =>
        {
            var x = pp;
            for (var i = 0; i < 100; i++)
            {
                x = ProjectivePoint<Fp2>.Add(x, qq);
            }

            return x.Z.IsZero;
        });
        Report("G2 projective add scalar (ns)", minMs, 100, () =>
        {
            var x = pp;
            for (var i = 0; i < 100; i++)
            {
                x = ProjectivePoint<Fp2>.AddScalar(x, qq);
            }

            return x.Z.IsZero;
        });
        Report("sign (ns)", minMs, 1, () => new BlsScheme().Sign(secret, message).Length > 0);
        Report("Miller loop (ns)", minMs, 1, () => Pairing.MillerLoop([g1], [g2]).IsOne);
        Report("Miller loop, 2 pairs (ns)", minMs, 1, () => Pairing.MillerLoop([g1, g1], [g2, g2]).IsOne);
        Report("final exponentiation (ns)", minMs, 1, () => Pairing.FinalExponentiation(f).IsOne);
        var cyclotomic = Pairing.FinalExponentiation(f);
        Report("exp by |z|, compressed (ns)", minMs, 1, () => CompressedCyclotomic.ExpByAbsZ(cyclotomic).IsOne);
        Report("compressed square (ns)", minMs, 100, () =>
        {
            var (g2, g3, g4, g5) = (cyclotomic.C1.C0, cyclotomic.C0.C2, cyclotomic.C0.C1, cyclotomic.C1.C2);
            for (var i = 0; i < 100; i++)
            {
                CompressedCyclotomic.Square(ref g2, ref g3, ref g4, ref g5);
            }

            return g2.IsZero;
        });
        return 0;
    }

    /// <summary>100 batches of products (or sums of two products) with the given number of filled lanes, lanes written and read back each time.</summary>
    private static unsafe bool LanesMul(Fp a, Fp b, int lanes, bool sum)
    {
        var raw = stackalloc ulong[(FpLanes.BatchWords * 3) + FpLanes.Width];
        var x = FpLanes.Align(raw);
        var y = x + FpLanes.BatchWords;
        var r = y + FpLanes.BatchWords;
        for (var lane = 0; lane < FpLanes.Width; lane++)
        {
            FpLanes.Put(x, lane, a);
            FpLanes.Put(y, lane, b);
        }

        for (var i = 0; i < 100; i++)
        {
            if (sum)
            {
                FpLanes.MulSum(x, y, y, x, r, lanes);
            }
            else
            {
                FpLanes.Mul(x, y, r, lanes);
            }

            for (var lane = 0; lane < lanes; lane++)
            {
                FpLanes.Put(x, lane, FpLanes.Get(r, lane));
            }
        }

        return FpLanes.Get(r, 0).IsZero;
    }

    private static bool Repeat(Fp12 start, Func<Fp12, Fp12> step)
    {
        var x = start;
        for (var i = 0; i < 100; i++)
        {
            x = step(x);
        }

        return x.IsOne;
    }

    private static void Report(string name, int minMs, int perCall, Func<bool> action)
    {
        if (_only is not null && !name.Contains(_only, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var sink = false;
        var ns = Timing.Measure(minMs, () => sink ^= action(), perCall, warmUpMs: 300).Cpu * 1000;
        Console.WriteLine($"{name,-28} {ns,12:F0}{(sink ? " " : string.Empty)}");
    }
}
