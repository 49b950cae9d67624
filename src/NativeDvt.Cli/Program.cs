using System.CommandLine;

var root = new RootCommand("ndvt: native DVT devnet tools");
root.Subcommands.Add(NativeDvt.Cli.Sim.SimCommand.Create());
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
