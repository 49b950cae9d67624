namespace NativeDvt.Devnet;

/// <summary>A devnet file that cannot be used, with the line and the field at fault.</summary>
public sealed class DevnetFileException : Exception
{
    /// <summary>Creates the error for <paramref name="field"/> at <paramref name="line"/>.</summary>
    public DevnetFileException(string? file, int line, int column, string field, string problem)
        : base($"{file ?? "<devnet>"}:{line}:{column}: {field}: {problem}")
    {
        File = file;
        Line = line;
        Column = column;
        Field = field;
        Problem = problem;
    }

    /// <summary>The file's path, when it came from one.</summary>
    public string? File { get; }

    /// <summary>1-based line of the offending value.</summary>
    public int Line { get; }

    /// <summary>1-based column of the offending value.</summary>
    public int Column { get; }

    /// <summary>The field's path, like <c>groups[2].m</c>.</summary>
    public string Field { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }
}
