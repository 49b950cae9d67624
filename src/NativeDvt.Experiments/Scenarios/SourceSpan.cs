using YamlDotNet.RepresentationModel;

namespace NativeDvt.Experiments.Scenarios;

/// <summary>
/// Where a node's text lies in its file. YamlDotNet marks a collection's end at its start, so a block collection
/// ends with the line of its last descendant, and a flow collection at its matching bracket.
/// </summary>
internal static class SourceSpan
{
    /// <summary>From the node's first character to the end of the line its last descendant ends on.</summary>
    public static (int Start, int End) OfBlock(YamlNode node, string text)
    {
        var last = (int)node.AllNodes.Max(n => n.End.Index);
        var newline = text.IndexOf('\n', last);
        return ((int)node.Start.Index, newline < 0 ? text.Length : newline);
    }

    /// <summary>The node's own text: a scalar as written (quotes included), a flow collection up to its closing bracket.</summary>
    public static string OfValue(YamlNode node, string text)
    {
        var start = (int)node.Start.Index;
        if (node is YamlScalarNode)
        {
            return text[start..(int)node.End.Index];
        }

        var depth = 0;
        var quote = '\0';
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
                continue;
            }

            (quote, depth) = c switch
            {
                '"' or '\'' => (c, depth),
                '[' or '{' => (quote, depth + 1),
                ']' or '}' => (quote, depth - 1),
                _ => (quote, depth),
            };
            if (depth == 0)
            {
                return text[start..(i + 1)];
            }
        }

        return text[start..];
    }
}
