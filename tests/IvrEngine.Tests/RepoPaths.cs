namespace IvrEngine.Tests;

/// <summary>Well-known paths of the repository, found from the test output folder.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder that contains <c>IvrEngine.sln</c>.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The <c>menus/</c> folder.</summary>
    public static string Menus => Path.Combine(Root, "menus");

    /// <summary>The bundled sample menu, <c>menus/carrier-support.json</c>.</summary>
    public static string BundledMenu => Path.Combine(Menus, "carrier-support.json");

    /// <summary>The menu JSON Schema, <c>menus/schema/menu.schema.json</c>.</summary>
    public static string Schema => Path.Combine(Menus, "schema", "menu.schema.json");

    private static string FindRoot()
    {
        string[] starts = [TestContext.CurrentContext.TestDirectory, AppContext.BaseDirectory];
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "IvrEngine.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"No IvrEngine.sln above '{starts[0]}'.");
    }
}
