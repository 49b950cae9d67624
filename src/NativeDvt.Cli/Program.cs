using System.CommandLine;
using NativeDvt.Cli.Experiment;
using NativeDvt.Cli.P2p;
using NativeDvt.Cli.Run;
using NativeDvt.Cli.Sim;

var root = new RootCommand("ndvt: native DVT devnet tools") { P2pCommand.Create(), RunCommand.Create(), SimCommand.Create(), ExperimentCommand.Create(), ExperimentsCommand.Create() };
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
