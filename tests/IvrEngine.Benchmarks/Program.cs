using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(IvrEngine.Benchmarks.MenuLoadBenchmarks).Assembly).Run(args);
