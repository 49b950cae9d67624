using NativeDvt.Devnet;

namespace NativeDvt.Simulation;

/// <summary>Draws one-way message delays from a <see cref="LatencySpec"/>.</summary>
public sealed class LatencyModel
{
    // The standard normal's 99th percentile: a log-normal with median m and 99th percentile p
    // has sigma = ln(p / m) / z99.
    private const double Z99 = 2.3263478740408408;

    private readonly LatencySpec _spec;
    private readonly double _mu;
    private readonly double _sigma;

    /// <summary>A model of <paramref name="spec"/>.</summary>
    public LatencyModel(LatencySpec spec)
    {
        _spec = spec;
        if (spec.Kind == LatencyKind.LogNormal)
        {
            _mu = Math.Log(Math.Max(spec.A.TotalMilliseconds, 1e-3));
            _sigma = Math.Log(Math.Max(spec.B.TotalMilliseconds, 1e-3) / Math.Max(spec.A.TotalMilliseconds, 1e-3)) / Z99;
        }
    }

    /// <summary>One delay.</summary>
    public TimeSpan Sample(SimRandom random) => _spec.Kind switch
    {
        LatencyKind.Fixed => _spec.A,
        LatencyKind.Uniform => _spec.A + ((_spec.B - _spec.A) * random.NextDouble()),
        _ => TimeSpan.FromMilliseconds(Math.Exp(_mu + (_sigma * random.NextNormal()))),
    };
}
