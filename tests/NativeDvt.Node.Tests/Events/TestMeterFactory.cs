using System.Diagnostics.Metrics;

namespace NativeDvt.Node.Tests.Events;

/// <summary>A meter factory that remembers its meters, so a listener can take only this test's instruments.</summary>
internal sealed class TestMeterFactory : IMeterFactory
{
    public List<Meter> Meters { get; } = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        Meters.Add(meter);
        return meter;
    }

    public void Dispose()
    {
        foreach (var meter in Meters)
        {
            meter.Dispose();
        }
    }
}
