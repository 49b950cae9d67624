Console.WriteLine("NativeDvt.Consensus.Benchmarks: no benchmarks yet");
