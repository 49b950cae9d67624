namespace NativeDvt.Grains.Identities;

/// <summary>The operator's key rotation (a <c>rotate</c> fault).</summary>
internal sealed partial class IdentityNode
{
    /// <summary>
    /// Starts a rotation of the member's key to its next generation: the generation is recorded first, then the node
    /// signs the KeyRotation with its current key and gossips its share; the group co-signs and a proposer includes it.
    /// </summary>
    public Task RotateKeyAsync() => _node.InvokeAsync(node =>
    {
        node.RotateKey(node.Identities[0], _keys.HandNext(), _node.Runner.Now);
        return true;
    });
}
