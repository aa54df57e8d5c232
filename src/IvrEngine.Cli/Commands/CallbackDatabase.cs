using IvrEngine.Hosting.Callbacks;

namespace IvrEngine.Cli.Commands;

/// <summary>
/// The one default callback store of every command: <c>--db</c>/<c>--callbacks-db</c>, else the
/// <c>Ivr:Callbacks:Database</c> setting (<c>appsettings.json</c>, <c>IVR_Ivr__Callbacks__Database</c>),
/// else <c>ivr-callbacks.db</c> in the current folder — the same layers <c>ivr call</c> and <c>ivr serve</c> read.
/// </summary>
internal static class CallbackDatabase
{
    public static string Resolve(string? option)
    {
        if (!string.IsNullOrWhiteSpace(option)) return option;
        var configured = CliHost.CreateBuilder((_, _) => false).Configuration[$"{CallbackOptions.SectionName}:Database"];
        return string.IsNullOrWhiteSpace(configured) ? new CallbackOptions().Database : configured;
    }
}
