using BenchmarkDotNet.Running;

// `http` runs the HTTP service benchmark (HttpLoadBench: requests/s, key-press latency, memory per
// live call over a real Kestrel); `bare` the kernel's limit, an event loop with no IVR (BareEventLoop);
// anything else goes to BenchmarkDotNet's switcher.
if (args is ["http", ..]) return await IvrEngine.Benchmarks.HttpLoadBench.RunAsync(args[1..]);
if (args is ["bare", ..]) return IvrEngine.Benchmarks.BareEventLoop.Run(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(IvrEngine.Benchmarks.MenuLoadBenchmarks).Assembly).Run(args);
return 0;
