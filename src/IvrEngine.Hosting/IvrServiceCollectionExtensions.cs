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
    public static IServiceCollection AddIvrEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IvrOptions>()
            .Bind(configuration.GetSection(IvrOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<IvrOptions>, IvrOptionsValidator>();
        services.AddSingleton(sp => CallClock.FromOptions(sp.GetRequiredService<IOptions<IvrOptions>>().Value));
        services.AddSingleton(sp => sp.GetRequiredService<CallClock>().Time);
        services.AddSingleton(sp => sp.GetRequiredService<CallClock>().Clock);
        services.AddSingleton<CallHost>();
        services.AddHostedService(sp => sp.GetRequiredService<CallHost>());
        return services;
    }
}
