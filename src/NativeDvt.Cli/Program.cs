using System.CommandLine;

var root = new RootCommand("ndvt: native DVT devnet tools");
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
