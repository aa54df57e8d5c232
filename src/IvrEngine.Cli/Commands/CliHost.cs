using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using IvrEngine.Cli.Console;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace IvrEngine.Cli.Commands;

/// <summary>The generic host the commands that run calls share: one set of configuration layers and one logging rule.</summary>
internal static class CliHost
{
    /// <summary>
    /// A builder reading <c>appsettings.json</c> beside the program, then <c>IVR_</c> environment
    /// variables (callers add the command line's overrides last). Standard output belongs to the
    /// caller's conversation, so log lines that pass <paramref name="logFilter"/> go to standard error.
    /// </summary>
    public static HostApplicationBuilder CreateBuilder(Func<string?, LogLevel, bool> logFilter)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = "ivr",
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Configuration.AddEnvironmentVariables("IVR_");
        UsePlainLogs(builder.Logging, logFilter);
        return builder;
    }

    /// <summary>The same layers and logging rule for a host that also serves HTTP (<c>ivr serve --http</c>).</summary>
    public static WebApplicationBuilder CreateWebBuilder(Func<string?, LogLevel, bool> logFilter)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = "ivr",
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
            Args = [],
        });
        builder.Configuration.AddEnvironmentVariables("IVR_");
        UsePlainLogs(builder.Logging, logFilter);
        return builder;
    }

    private static void UsePlainLogs(ILoggingBuilder logging, Func<string?, LogLevel, bool> logFilter)
    {
        logging.ClearProviders();
        logging.AddConsole(o => o.FormatterName = PlainLogFormatter.FormatterName);
        logging.AddConsoleFormatter<PlainLogFormatter, ConsoleFormatterOptions>();
        logging.AddFilter(logFilter);
        logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }
}
