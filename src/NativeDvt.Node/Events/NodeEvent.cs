namespace NativeDvt.Node.Events;

/// <summary>
/// Something a node reports as it works (protocol.md section 8): one sealed record per event, so a sink switches on
/// the type and a fan-out forwards every event without naming it.
/// </summary>
/// <remarks>
/// Plain records of consensus newtypes and SSZ types: <c>NativeDvt.Node</c> references no Orleans, so a host that sends
/// events across grains or to the dashboard maps them onto its own serialisable records.
/// </remarks>
/// <param name="Node">The identity that saw or did it.</param>
/// <param name="At">The node's time.</param>
public abstract record NodeEvent(MemberId Node, TimeSpan At);
