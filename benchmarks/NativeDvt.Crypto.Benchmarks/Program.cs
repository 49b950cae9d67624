Console.WriteLine("NativeDvt.Crypto.Benchmarks: no benchmarks yet");
