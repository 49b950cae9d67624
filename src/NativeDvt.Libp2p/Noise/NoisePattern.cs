namespace NativeDvt.Libp2p.Noise;

/// <summary>
/// A handshake pattern: pre-message tokens of each side and the message patterns, which
/// alternate initiator, responder, initiator… Built from the spec notation, e.g.
/// "-> e; &lt;- e, ee, s, es; -> s, se", with pre-messages before "...".
/// </summary>
internal sealed class NoisePattern
{
    /// <summary>The one pattern libp2p uses.</summary>
    public static readonly NoisePattern XX = Parse("XX", "-> e; <- e, ee, s, es; -> s, se");

    private static readonly Dictionary<string, string> Fundamental = new(StringComparer.Ordinal)
    {
        ["N"] = "<- s ... -> e, es",
        ["K"] = "-> s; <- s ... -> e, es, ss",
        ["X"] = "<- s ... -> e, es, s, ss",
        ["NN"] = "-> e; <- e, ee",
        ["NK"] = "<- s ... -> e, es; <- e, ee",
        ["NX"] = "-> e; <- e, ee, s, es",
        ["XN"] = "-> e; <- e, ee; -> s, se",
        ["XK"] = "<- s ... -> e, es; <- e, ee; -> s, se",
        ["XX"] = "-> e; <- e, ee, s, es; -> s, se",
        ["KN"] = "-> s ... -> e; <- e, ee, se",
        ["KK"] = "-> s; <- s ... -> e, es, ss; <- e, ee, se",
        ["KX"] = "-> s ... -> e; <- e, ee, se, s, es",
        ["IN"] = "-> e, s; <- e, ee, se",
        ["IK"] = "<- s ... -> e, es, s, ss; <- e, ee, se",
        ["IX"] = "-> e, s; <- e, ee, se, s, es",
        ["NK1"] = "<- s ... -> e; <- e, ee, es",
        ["NX1"] = "-> e; <- e, ee, s; -> es",
        ["X1N"] = "-> e; <- e, ee; -> s; <- se",
        ["X1K"] = "<- s ... -> e, es; <- e, ee; -> s; <- se",
        ["XK1"] = "<- s ... -> e; <- e, ee, es; -> s, se",
        ["X1K1"] = "<- s ... -> e; <- e, ee, es; -> s; <- se",
        ["X1X"] = "-> e; <- e, ee, s, es; -> s; <- se",
        ["XX1"] = "-> e; <- e, ee, s; -> es, s, se",
        ["X1X1"] = "-> e; <- e, ee, s; -> es, s; <- se",
        ["K1N"] = "-> s ... -> e; <- e, ee; -> se",
        ["K1K"] = "-> s; <- s ... -> e, es; <- e, ee; -> se",
        ["KK1"] = "-> s; <- s ... -> e; <- e, ee, se, es",
        ["K1K1"] = "-> s; <- s ... -> e; <- e, ee, es; -> se",
        ["K1X"] = "-> s ... -> e; <- e, ee, s, es; -> se",
        ["KX1"] = "-> s ... -> e; <- e, ee, se, s; -> es",
        ["K1X1"] = "-> s ... -> e; <- e, ee, s; -> se, es",
        ["I1N"] = "-> e, s; <- e, ee; -> se",
        ["I1K"] = "<- s ... -> e, es, s; <- e, ee; -> se",
        ["IK1"] = "<- s ... -> e, s; <- e, ee, se, es",
        ["I1K1"] = "<- s ... -> e, s; <- e, ee, es; -> se",
        ["I1X"] = "-> e, s; <- e, ee, s, es; -> se",
        ["IX1"] = "-> e, s; <- e, ee, se, s; -> es",
        ["I1X1"] = "-> e, s; <- e, ee, s; -> se, es",
    };

    private NoisePattern(string name, NoiseToken[] initiatorPreMessage, NoiseToken[] responderPreMessage, NoiseToken[][] messages)
    {
        Name = name;
        InitiatorPreMessage = initiatorPreMessage;
        ResponderPreMessage = responderPreMessage;
        Messages = messages;
    }

    public string Name { get; }

    public NoiseToken[] InitiatorPreMessage { get; }

    public NoiseToken[] ResponderPreMessage { get; }

    public NoiseToken[][] Messages { get; }

    /// <summary>True when only the initiator ever sends (N, K, X).</summary>
    public bool IsOneWay => Messages.Length == 1;

    public bool HasPsk => Messages.Any(m => m.Contains(NoiseToken.Psk));

    /// <summary>
    /// Resolves a pattern name with optional psk modifiers ("XXpsk3", "NNpsk0"); null when unknown.
    /// </summary>
    public static NoisePattern? FromName(string name)
    {
        var pskAt = name.IndexOf("psk", StringComparison.Ordinal);
        var baseName = pskAt < 0 ? name : name[..pskAt];
        if (!Fundamental.TryGetValue(baseName, out var notation))
        {
            return null;
        }

        var pattern = Parse(name, notation);
        if (pskAt < 0)
        {
            return pattern;
        }

        var messages = pattern.Messages.Select(m => m.ToList()).ToList();
        foreach (var modifier in name[pskAt..].Split('+'))
        {
            if (!modifier.StartsWith("psk", StringComparison.Ordinal) || !int.TryParse(modifier[3..], out var position) || position > messages.Count)
            {
                return null;
            }

            if (position == 0)
            {
                messages[0].Insert(0, NoiseToken.Psk);
            }
            else
            {
                messages[position - 1].Add(NoiseToken.Psk);
            }
        }

        return new NoisePattern(name, pattern.InitiatorPreMessage, pattern.ResponderPreMessage, [.. messages.Select(m => m.ToArray())]);
    }

    private static NoisePattern Parse(string name, string notation)
    {
        var split = notation.Split("...");
        var initiatorPre = new List<NoiseToken>();
        var responderPre = new List<NoiseToken>();
        if (split.Length == 2)
        {
            foreach (var line in split[0].Split(';'))
            {
                var (fromInitiator, tokens) = ParseLine(line);
                (fromInitiator ? initiatorPre : responderPre).AddRange(tokens);
            }
        }

        var messages = split[^1].Split(';').Select(line => ParseLine(line).Tokens).ToArray();
        return new NoisePattern(name, [.. initiatorPre], [.. responderPre], messages);
    }

    private static (bool FromInitiator, NoiseToken[] Tokens) ParseLine(string line)
    {
        var trimmed = line.Trim();
        var fromInitiator = trimmed.StartsWith("->", StringComparison.Ordinal);
        var tokens = trimmed[2..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t switch
            {
                "e" => NoiseToken.E,
                "s" => NoiseToken.S,
                "ee" => NoiseToken.EE,
                "es" => NoiseToken.ES,
                "se" => NoiseToken.SE,
                "ss" => NoiseToken.SS,
                _ => throw new ArgumentException("unknown token " + t, nameof(line)),
            })
            .ToArray();
        return (fromInitiator, tokens);
    }
}
