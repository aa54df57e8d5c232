using System.Collections.Immutable;

namespace IvrEngine.Menus.Loading;

/// <summary>The policy values a menu gets for whatever neither its defaults nor a node names.</summary>
internal static class BuiltInPolicies
{
    public const double NoInputSeconds = 5;
    public const int NoInputRetries = 2;
    public const int InvalidRetries = 3;
    public const double InterDigitSeconds = 3;
    public const EscapeMode Mode = EscapeMode.Immediate;
    public const int MaxFailedInputs = 6;
    public const double MaxMenuSeconds = 600;
    public const int CollectMinLength = 1;
    public const int CollectMaxLength = 20;

    public static readonly ImmutableArray<string> EscapeKeys = ["0", "#"];

    public static readonly LocalizedPhrases EscapePhrases = LocalizedPhrases.Of(
        ("en-US", ["operator", "representative", "agent", "customer service", "human"]),
        ("ru-RU", ["оператор", "специалист", "консультант", "живой человек", "человек"]));

    public static readonly LocalizedText Deflect = LocalizedText.Of(
        ("en-US", "I can help you faster right here. If you still want a representative, press 0 again or say 'representative'."),
        ("ru-RU", "Я помогу вам быстрее прямо здесь. Если вы всё же хотите поговорить со специалистом, нажмите 0 ещё раз или скажите «специалист»."));

    public static readonly LocalizedText Disabled = LocalizedText.Of(
        ("en-US", "Sorry, you can't reach a representative from here."),
        ("ru-RU", "Извините, отсюда нельзя связаться со специалистом."));

    /// <summary>Built-in text cut down to the declared locales, so a menu's texts carry only its own locales.</summary>
    public static LocalizedText For(LocalizedText builtIn, ImmutableArray<string> locales) =>
        new(locales.Where(builtIn.Has).ToImmutableDictionary(l => l, builtIn.For, StringComparer.OrdinalIgnoreCase));

    public static LocalizedPhrases For(LocalizedPhrases builtIn, ImmutableArray<string> locales) =>
        new(locales.Where(l => !builtIn.For(l).IsEmpty).ToImmutableDictionary(l => l, builtIn.For, StringComparer.OrdinalIgnoreCase));

    /// <summary>Whether built-in wording covers every declared locale.</summary>
    public static bool Covers(LocalizedText builtIn, ImmutableArray<string> locales) => locales.All(builtIn.Has);
}
