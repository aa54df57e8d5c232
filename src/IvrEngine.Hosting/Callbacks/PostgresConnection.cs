using System.Text.RegularExpressions;
using IvrEngine.Callbacks;
using Npgsql;

namespace IvrEngine.Hosting.Callbacks;

/// <summary>
/// A PostgreSQL server named where a callback store is configured (<c>Ivr:Callbacks:Database</c>,
/// <c>--callbacks-db</c>, <c>--db</c>): a URL, <c>postgres://user:password@host:5432/ivr?sslmode=require</c>,
/// or an Npgsql connection string, <c>Host=…;Username=…;Password=…;Database=…</c>. Anything else
/// is a SQLite file path. <see cref="Display"/> names it without the password, for every message.
/// </summary>
public sealed partial class PostgresConnection
{
    /// <summary>The URL query parameters understood, as libpq names them, and the Npgsql setting each sets.</summary>
    private static readonly Dictionary<string, string> UrlParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sslmode"] = "SSL Mode",
        ["search_path"] = "Search Path",
        ["application_name"] = "Application Name",
        ["connect_timeout"] = "Timeout",
        ["command_timeout"] = "Command Timeout",
    };

    /// <summary>How long opening a connection may take, unless the setting says (Npgsql's default is <see cref="DefaultConnectSeconds"/>).</summary>
    public const int ConnectSeconds = 5;

    /// <summary>How long one statement may take, unless the setting says (Npgsql's default is <see cref="DefaultCommandSeconds"/>).</summary>
    public const int CommandSeconds = 10;

    private const int DefaultConnectSeconds = 15;
    private const int DefaultCommandSeconds = 30;

    private PostgresConnection(NpgsqlConnectionStringBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.ApplicationName)) builder.ApplicationName = "ivr";
        // The store is called on the line's one calls thread: while the server is unreachable, each
        // poll holds every call for up to the connect timeout. Npgsql's defaults (15 s, 30 s) are
        // shortened unless set.
        if (builder.Timeout == DefaultConnectSeconds) builder.Timeout = ConnectSeconds;
        if (builder.CommandTimeout == DefaultCommandSeconds) builder.CommandTimeout = CommandSeconds;
        ConnectionString = builder.ConnectionString;
        var who = string.IsNullOrEmpty(builder.Username) ? "" : $"{builder.Username}@";
        var database = string.IsNullOrEmpty(builder.Database) ? "" : $"/{builder.Database}";
        var schema = string.IsNullOrEmpty(builder.SearchPath) ? "" : $" (schema {builder.SearchPath})";
        Display = $"PostgreSQL {who}{builder.Host}:{builder.Port}{database}{schema}";
    }

    /// <summary>The Npgsql connection string (it holds the password: never print it).</summary>
    public string ConnectionString { get; }

    /// <summary>The server, database and schema, with no password: <c>PostgreSQL ivr@db1:5432/ivr</c>.</summary>
    public string Display { get; }

    /// <summary>Whether <paramref name="database"/> names a PostgreSQL server rather than a SQLite file.</summary>
    public static bool IsPostgres(string? database) =>
        database is not null && (UrlRegex().IsMatch(database) || HostKeyRegex().IsMatch(database));

    /// <summary>Reads <paramref name="database"/> (a URL or a connection string).</summary>
    /// <exception cref="CallbackStoreException">It cannot be read; the message never holds the password.</exception>
    public static PostgresConnection Parse(string database)
    {
        var text = database.Trim();
        try
        {
            return new PostgresConnection(UrlRegex().IsMatch(text) ? FromUrl(text) : new NpgsqlConnectionStringBuilder(text));
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or UriFormatException or InvalidOperationException)
        {
            throw new CallbackStoreException($"the callback store setting is not a usable PostgreSQL connection: {exception.Message}", exception);
        }
    }

    private static NpgsqlConnectionStringBuilder FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            // The text is not echoed: it may hold a password.
            throw new FormatException("the URL is not of the form postgres://user:password@host:port/database (one host; percent-encode special characters).");
        }
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host.Trim('[', ']') };
        if (!uri.IsDefaultPort && uri.Port > 0) builder.Port = uri.Port;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0) builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }
        var path = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (path.Length > 0) builder.Database = path;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            if (!UrlParameters.TryGetValue(name, out var setting))
            {
                throw new FormatException($"the URL parameter '{name}' is not understood; use {string.Join(", ", UrlParameters.Keys)}, or a Host=…;Database=… connection string.");
            }
            builder[setting] = setting == "SSL Mode" ? SslMode(value) : value;
        }
        return builder;
    }

    /// <summary>libpq's sslmode values as Npgsql spells them.</summary>
    private static string SslMode(string value) => value.ToLowerInvariant() switch
    {
        "verify-ca" => "VerifyCA",
        "verify-full" => "VerifyFull",
        _ => value,
    };

    [GeneratedRegex(@"^\s*postgres(ql)?://", RegexOptions.IgnoreCase)]
    private static partial Regex UrlRegex();

    [GeneratedRegex(@"(^|;)\s*(host|server)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex HostKeyRegex();

    public override string ToString() => Display;
}
