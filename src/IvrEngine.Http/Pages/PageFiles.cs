using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace IvrEngine.Http.Pages;

/// <summary>
/// The browser pages (phone, menu map, wallboard, agent desktop) at <c>/</c>: plain HTML, CSS and
/// JavaScript modules embedded in this assembly, so they are served whatever the working directory
/// and nothing is fetched at run time. They use the same HTTP API as every other client.
/// </summary>
internal static class PageFiles
{
    /// <summary>
    /// Only this origin: no inline script or style, no other host, not framed. The pages are modules
    /// and stylesheets served from here, and talk only to this service.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UsePageFiles(this IApplicationBuilder app)
    {
        var files = new ManifestEmbeddedFileProvider(typeof(PageFiles).Assembly, "wwwroot");
        app.Use(async (context, next) =>
        {
            // On every answer, API ones included: they are this origin's too.
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            await next(context);
        });
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".js"] = "text/javascript; charset=utf-8";
        types.Mappings[".html"] = "text/html; charset=utf-8";
        types.Mappings[".css"] = "text/css; charset=utf-8";
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = types,
            // Pages change with the service: always revalidated (the ETag answers 304 when unchanged).
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache",
        });
        return app;
    }
}
