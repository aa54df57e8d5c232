using IvrEngine.Hosting;
using IvrEngine.Hosting.Callbacks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IvrEngine.Cli.Commands;

/// <summary>Checks a host's settings (IVR_Ivr__StartAt, the callback settings and the rest) before anything reads them.</summary>
internal static class HostSettings
{
    /// <summary>True when the settings are valid; else each failure is written as one usage line.</summary>
    public static async Task<bool> CheckAsync(IHost host, string command, TextWriter error)
    {
        try
        {
            _ = host.Services.GetRequiredService<IOptions<IvrOptions>>().Value;
            _ = host.Services.GetRequiredService<IOptions<CallbackOptions>>().Value;
            return true;
        }
        catch (OptionsValidationException exception)
        {
            foreach (var failure in exception.Failures) await error.WriteLineAsync($"{command}: {failure}");
            return false;
        }
        catch (InvalidOperationException exception) when (exception.InnerException is FormatException or ArgumentException)
        {
            // The binder's own words name the setting and the type: "Failed to convert configuration value 'abc' at 'Ivr:Clock' to type ...".
            await error.WriteLineAsync($"{command}: {Console.CallEventFormatter.Printable(exception.Message)}");
            return false;
        }
    }
}
