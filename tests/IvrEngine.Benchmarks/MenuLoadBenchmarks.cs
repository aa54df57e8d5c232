using BenchmarkDotNet.Attributes;
using IvrEngine.Menus;

namespace IvrEngine.Benchmarks;

/// <summary>How long ops wait for a menu to load and validate (and a hot reload costs).</summary>
[MemoryDiagnoser]
public class MenuLoadBenchmarks
{
    private byte[] _bytes = [];

    [GlobalSetup]
    public void Setup() => _bytes = File.ReadAllBytes(BundledMenu.Path);

    [Benchmark(Description = "load + validate carrier-support.json (33 nodes, 2 locales)")]
    public Menu? LoadBundledMenu() => MenuLoader.Load(_bytes, "carrier-support.json").Menu;
}
