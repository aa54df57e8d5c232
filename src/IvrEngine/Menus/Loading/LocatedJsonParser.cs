using System.Globalization;
using System.Text.Json;

namespace IvrEngine.Menus.Loading;

/// <summary>
/// Reads the whole file with <see cref="Utf8JsonReader"/> into <see cref="LocatedValue"/>s: comments
/// and trailing commas are allowed because people edit menus by hand. Syntax errors, excessive
/// nesting and duplicate property names are reported here; everything else is the binder's job.
/// </summary>
internal static class LocatedJsonParser
{
    public const int MaxDepth = 64;

    /// <summary>
    /// A 50-node menu has a few thousand values; a file with this many is generated or hostile, and
    /// locating every one of millions of tiny values would cost seconds and hundreds of megabytes.
    /// </summary>
    public const int MaxValues = 200_000;

    public static LocatedValue? Parse(SourceText source, DiagnosticBag diagnostics)
    {
        // The reader's own limit sits above ours so that our clearer message is the one reported.
        var options = new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = MaxDepth + 2,
        };
        var reader = new Utf8JsonReader(source.Bytes, options);
        try
        {
            if (!reader.Read())
            {
                diagnostics.Error(DiagnosticCodes.Unreadable, new SourcePoint(1, 1, JsonPaths.Root), "the file contains no JSON value");
                return null;
            }

            var root = new Builder(source, diagnostics).ReadValue(ref reader, JsonPaths.Root);

            // Reading past the root makes the reader reject anything after it ("} }", a second object).
            while (root is not null && reader.Read())
            {
            }

            return root;
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0);
            var offset = source.LineStart(line) + (ex.BytePositionInLine ?? 0);
            diagnostics.Error(DiagnosticCodes.Unreadable, source.Locate(offset, JsonPaths.Root), $"the file is not valid JSON: {JsonSyntaxHint.Explain(source, offset, ReaderMessage(ex))}");
            return null;
        }
        catch (InvalidOperationException ex)
        {
            // Thrown for escapes that make no text, such as a lone "\uD800".
            diagnostics.Error(DiagnosticCodes.Unreadable, source.Locate(reader.TokenStartIndex, JsonPaths.Root), $"the file has an unreadable string: {ex.Message}");
            return null;
        }
    }

    /// <summary>The reader's message without its own 0-based position suffix (ours is 1-based and in characters).</summary>
    private static string ReaderMessage(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut >= 0 ? message[..cut] : message).TrimEnd();
    }

    private sealed class Builder(SourceText source, DiagnosticBag diagnostics)
    {
        private int _values;

        public LocatedValue? ReadValue(ref Utf8JsonReader reader, string path)
        {
            var where = source.Locate(reader.TokenStartIndex, path);
            if (++_values > MaxValues)
            {
                diagnostics.Error(DiagnosticCodes.Unreadable, where, string.Create(CultureInfo.InvariantCulture, $"the file has more than {MaxValues:N0} JSON values; a menu is far smaller"));
                return null;
            }

            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    if (reader.CurrentDepth >= MaxDepth)
                    {
                        diagnostics.Error(DiagnosticCodes.Unreadable, where, $"the JSON is nested more than {MaxDepth} levels deep");
                        return null;
                    }

                    return reader.TokenType == JsonTokenType.StartObject ? ReadObject(ref reader, where) : ReadArray(ref reader, where);
                case JsonTokenType.String:
                    return new LocatedString(where, reader.GetString()!);
                case JsonTokenType.Number:
                    var finite = reader.TryGetDouble(out var number) && double.IsFinite(number);
                    return new LocatedNumber(where, finite ? number : 0, finite);
                case JsonTokenType.True:
                case JsonTokenType.False:
                    return new LocatedBoolean(where, reader.GetBoolean());
                default:
                    return new LocatedNull(where);
            }
        }

        private LocatedObject? ReadObject(ref Utf8JsonReader reader, SourcePoint where)
        {
            var properties = new List<LocatedProperty>();
            Dictionary<string, SourcePoint>? seen = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                var childPath = JsonPaths.Property(where.Path, name);
                var nameWhere = source.Locate(reader.TokenStartIndex, childPath);
                reader.Read();
                var value = ReadValue(ref reader, childPath);
                if (value is null)
                {
                    return null;
                }

                seen ??= new Dictionary<string, SourcePoint>(StringComparer.Ordinal);
                if (seen.TryGetValue(name, out var first))
                {
                    diagnostics.Error(DiagnosticCodes.Duplicate, nameWhere, DuplicateMessage(where.Path, name, first));
                    continue;
                }

                seen.Add(name, nameWhere);
                properties.Add(new LocatedProperty(name, nameWhere, value));
            }

            return new LocatedObject(where, properties);
        }

        private LocatedArray? ReadArray(ref Utf8JsonReader reader, SourcePoint where)
        {
            var items = new List<LocatedValue>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var item = ReadValue(ref reader, JsonPaths.Index(where.Path, items.Count));
                if (item is null)
                {
                    return null;
                }

                items.Add(item);
            }

            return new LocatedArray(where, items);
        }

        private static string DuplicateMessage(string objectPath, string name, SourcePoint first)
        {
            var what = objectPath switch
            {
                "$.nodes" => "node id",
                "$.queues" => "queue id",
                _ => "property",
            };
            return $"{what} '{name}' is defined twice; the first definition is at line {first.Line}";
        }
    }
}
