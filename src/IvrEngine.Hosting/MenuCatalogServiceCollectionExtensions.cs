using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IvrEngine.Hosting;

/// <summary>Registers the <see cref="MenuCatalog"/> (after <see cref="IvrServiceCollectionExtensions.AddIvrEngine"/>, whose clock it uses).</summary>
public static class MenuCatalogServiceCollectionExtensions
{
    public static IServiceCollection AddMenuCatalog(this IServiceCollection services, TimeSpan? debounce = null) =>
        services.AddSingleton(sp => new MenuCatalog(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<MenuCatalog>>(), debounce));
}
