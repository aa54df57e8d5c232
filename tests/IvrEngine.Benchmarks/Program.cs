using BenchmarkDotNet.Running;

// `http` runs the HTTP service benchmark (HttpLoadBench: requests/s, key-press latency, memory per
// live call over a real Kestrel); anything else goes to BenchmarkDotNet's switcher.
if (args is ["http", ..]) return await IvrEngine.Benchmarks.HttpLoadBench.RunAsync(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(IvrEngine.Benchmarks.MenuLoadBenchmarks).Assembly).Run(args);
return 0;
