Console.WriteLine("NativeDvt.Libp2p.Benchmarks: no benchmarks yet");
