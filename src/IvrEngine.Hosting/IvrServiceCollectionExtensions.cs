using IvrEngine.Callbacks;
using IvrEngine.Hosting.Callbacks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IvrEngine.Hosting;

/// <summary>Registers the engine with a generic host.</summary>
public static class IvrServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="IvrOptions"/> (at start), registers the one
    /// <see cref="CallClock"/> (also as <see cref="TimeProvider"/> and <see cref="IClock"/>) and the
    /// <see cref="CallHost"/> hosted service.
    /// </summary>
    /// <param name="warmUp">
    /// How long the line runs, virtually, before its start (<see cref="CallHost.FinishWarmUpAsync"/> runs it
    /// through): <c>ivr call --busy</c> gives its other callers an hour. A choice of the code, not a setting,
    /// since a host that never finishes the warm-up would stand before its start for ever.
    /// </param>
    public static IServiceCollection AddIvrEngine(this IServiceCollection services, IConfiguration configuration, Duration warmUp = default)
    {
        services.AddOptions<IvrOptions>()
            .Bind(configuration.GetSection(IvrOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<IvrOptions>, IvrOptionsValidator>();
        services.AddSingleton(sp => CallClock.FromOptions(sp.GetRequiredService<IOptions<IvrOptions>>().Value, warmUp));
        services.AddSingleton(sp => sp.GetRequiredService<CallClock>().Time);
        services.AddSingleton(sp => sp.GetRequiredService<CallClock>().Clock);
        services.AddSingleton<CallHost>();
        services.AddHostedService(sp => sp.GetRequiredService<CallHost>());
        return services;
    }

    /// <summary>
    /// Adds the callback store alone, with no dialer (<c>ivr call</c> books callbacks; others place them):
    /// a SQLite file, or a PostgreSQL database when <see cref="CallbackOptions.Database"/> names one
    /// (<see cref="CallbackStores"/>). The store is made when first asked for, so its file (or its
    /// tables) are created only by a line that promises callbacks.
    /// </summary>
    public static IServiceCollection AddIvrCallbackStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CallbackOptions>()
            .Bind(configuration.GetSection(CallbackOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ICallbackStore>(sp => CallbackStores.Open(sp.GetRequiredService<IOptions<CallbackOptions>>().Value.Database));
        return services;
    }

    /// <summary>
    /// Adds the callback store (<see cref="CallbackOptions.Database"/>: a SQLite file or PostgreSQL) and the
    /// <see cref="CallbackDialer"/> that places due callbacks for the line it is told to serve.
    /// </summary>
    public static IServiceCollection AddIvrCallbacks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIvrCallbackStore(configuration);
        services.AddSingleton<CallbackDialer>();
        services.AddHostedService(sp => sp.GetRequiredService<CallbackDialer>());
        return services;
    }
}
