namespace IvrEngine.Menus;

/// <summary>
/// What the line says outside any node's own prompts. Each may use the placeholders
/// <c>{reference}</c>, <c>{queue}</c>, <c>{choices}</c> (for <see cref="Ambiguous"/>) and call variables.
/// Menus override them under <c>"messages"</c>; <see cref="Default"/> covers <c>en-US</c> and <c>ru-RU</c>.
/// </summary>
public sealed record SystemMessages(
    LocalizedText NoInput,
    LocalizedText Invalid,
    LocalizedText InvalidNumber,
    LocalizedText Ambiguous,
    LocalizedText Transfer,
    LocalizedText BudgetExceeded)
{
    /// <summary>The built-in wording; a menu in another locale must define every message itself.</summary>
    public static readonly SystemMessages Default = new(
        NoInput: LocalizedText.Of(
            ("en-US", "Sorry, I didn't hear anything."),
            ("ru-RU", "Извините, я вас не услышал.")),
        Invalid: LocalizedText.Of(
            ("en-US", "Sorry, that's not one of the choices."),
            ("ru-RU", "Извините, такого варианта нет.")),
        InvalidNumber: LocalizedText.Of(
            ("en-US", "Sorry, that number doesn't look right."),
            ("ru-RU", "Извините, номер введён неверно.")),
        Ambiguous: LocalizedText.Of(
            ("en-US", "Sorry, did you mean {choices}?"),
            ("ru-RU", "Извините, вы имели в виду {choices}?")),
        Transfer: LocalizedText.Of(
            ("en-US", "Please hold while I connect you to {queue}. Your reference number is {reference}."),
            ("ru-RU", "Пожалуйста, оставайтесь на линии, соединяю вас: {queue}. Номер вашего обращения: {reference}.")),
        BudgetExceeded: LocalizedText.Of(
            ("en-US", "Let me get someone to help you."),
            ("ru-RU", "Сейчас я соединю вас со специалистом.")));

    /// <summary>The locales <see cref="Default"/> has wording for.</summary>
    public static readonly IReadOnlyList<string> DefaultLocales = ["en-US", "ru-RU"];
}
