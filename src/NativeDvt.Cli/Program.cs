using System.CommandLine;
using NativeDvt.Cli.P2p;

var root = new RootCommand("ndvt: native DVT devnet tools") { P2pCommand.Create() };
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
