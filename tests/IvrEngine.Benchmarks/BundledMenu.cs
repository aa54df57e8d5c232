using IvrEngine.Menus;

namespace IvrEngine.Benchmarks;

/// <summary>The bundled carrier-support menu, as shipped next to the benchmark program.</summary>
internal static class BundledMenu
{
    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "menus", "carrier-support.json");

    public static Menu Load() =>
        MenuLoader.LoadFile(Path).Menu ?? throw new InvalidOperationException($"{Path} does not load; run ivr validate on it.");
}
