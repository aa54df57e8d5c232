using System.Collections.Concurrent;
using System.Collections.Immutable;
using IvrEngine.Menus;
using IvrEngine.Queues.Staffing;

namespace IvrEngine.Flows;

/// <summary>
/// Parses flow files, loads each menu once however many flows name it, checks the flows against
/// their menus and expands them into runs, one per locale. Files are taken in ordinal path order
/// so every report comes out in the same order.
/// </summary>
public sealed class FlowLoader
{
    private readonly ConcurrentDictionary<string, MenuLoadResult> _menus = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Staffing, string Menu), StaffingLoadResult> _staffing = [];

    public FlowSuite Load(IEnumerable<string> flowFiles)
    {
        var files = flowFiles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var parsed = new FlowParseResult[files.Count];
        Parallel.For(0, files.Count, i => parsed[i] = FlowParser.ParseFile(files[i]));

        var cases = ImmutableArray.CreateBuilder<FlowCase>();
        var diagnostics = ImmutableArray.CreateBuilder<FlowDiagnostic>();
        var bad = 0;
        foreach (var result in parsed)
        {
            var problems = result.Diagnostics.ToList();
            Menu? menu = null;
            StaffingPlan? staffing = null;
            if (result.File is not null)
            {
                var header = result.File.Header;
                var loaded = _menus.GetOrAdd(Path.GetFullPath(header.MenuPath), MenuLoader.LoadFile);
                if (!File.Exists(header.MenuPath)) problems.Add(new FlowDiagnostic(header.MenuAt, FlowCodes.Menu, $"there is no menu file '{header.MenuPath}'"));
                else if (!loaded.Succeeded) problems.Add(new FlowDiagnostic(header.MenuAt, FlowCodes.Menu, $"the menu '{header.MenuPath}' has {loaded.Errors.Count()} error(s); run 'ivr validate {header.MenuPath}'"));
                else
                {
                    menu = loaded.Menu;
                    staffing = LoadStaffing(header, menu, problems);
                    problems.AddRange(FlowBinder.Check(result.File, menu, staffing));
                }
            }
            if (problems.Count > 0 || menu is null)
            {
                bad++;
                // Syntax and name problems together, in the order of the file: all of them in one pass.
                diagnostics.AddRange(problems.OrderBy(d => d.At.File, StringComparer.Ordinal).ThenBy(d => d.At.Line).ThenBy(d => d.At.Column));
                continue;
            }
            foreach (var flow in result.File!.Flows)
            {
                foreach (var locale in FlowBinder.Locales(result.File, menu)) cases.Add(new FlowCase(result.File, flow, locale, menu, staffing));
            }
        }
        return new FlowSuite(cases.ToImmutable(), diagnostics.ToImmutable(), files.Count, bad);
    }

    /// <summary>The header's staffing file, or the one beside the menu (<c>MENU.staffing.json</c>) if there is one; null for none.</summary>
    private StaffingPlan? LoadStaffing(FlowHeader header, Menu menu, List<FlowDiagnostic> problems)
    {
        if (header.Staffing.None) return null;
        var path = header.Staffing.Path ?? StaffingLoader.DefaultPathFor(header.MenuPath);
        var at = header.Staffing.At ?? header.MenuAt;
        if (!File.Exists(path))
        {
            if (header.Staffing.Path is not null) problems.Add(new FlowDiagnostic(at, FlowCodes.Staffing, $"there is no staffing file '{path}'; name one, or write staffing: none"));
            return null;
        }
        var key = (Path.GetFullPath(path), Path.GetFullPath(header.MenuPath));
        if (!_staffing.TryGetValue(key, out var loaded)) _staffing[key] = loaded = StaffingLoader.LoadFile(path, menu);
        if (loaded.Succeeded) return loaded.Plan;
        // The staffing file's own first error, located: 'ivr validate' checks a staffing file only under its NAME.staffing.json name.
        var first = loaded.Diagnostics.First(d => d.IsError);
        problems.Add(new FlowDiagnostic(at, FlowCodes.Staffing, $"the staffing file '{path}' has {loaded.Diagnostics.Count(d => d.IsError)} error(s), the first at line {first.Line}, column {first.Column}: {first.Message}"));
        return null;
    }
}
