using IvrEngine.Hours;
using IvrEngine.Menus;
using NodaTime;

namespace IvrEngine.Tests.Hours;

/// <summary>Menus with business hours for the hours tests, loaded through the real loader.</summary>
internal static class HoursMenus
{
    public static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    /// <summary>A one-node menu whose <c>hours</c> block is <paramref name="hoursJson"/>; extra JSON goes into the queue and node.</summary>
    public static string Menu(string hoursJson, string queueExtra = "", string nodeExtra = "") => $$"""
        {
          "name": "hours-line",
          "timeZone": "America/New_York",
          "locales": ["en-US", "ru-RU"],
          "start": "main",
          "defaults": { "escape": { "to": { "queue": "general" } } },
          "hours": {{hoursJson}},
          "queues": { "general": { "name": { "en-US": "customer care", "ru-RU": "служба поддержки" }{{queueExtra}} } },
          "nodes": {
            "main": {
              "prompt": { "en-US": "Main menu. For news, press 1.", "ru-RU": "Главное меню. Новости — 1." },
              "options": [ { "key": "1", "goto": "news" } ]{{nodeExtra}}
            },
            "news": {
              "prompt": { "en-US": "Here is the news.", "ru-RU": "Новости." },
              "next": { "hangup": { "en-US": "Goodbye.", "ru-RU": "До свидания." } }
            },
            "after-hours": {
              "prompt": { "en-US": "Leave a message after the tone.", "ru-RU": "Оставьте сообщение после сигнала." },
              "next": { "hangup": { "en-US": "Thank you.", "ru-RU": "Спасибо." } }
            }
          }
        }
        """;

    public static Menu Load(string json)
    {
        var result = MenuLoader.Load(json, "hours-line.json");
        Assert.That(result.Errors, Is.Empty, () => string.Join("\n", result.Diagnostics));
        return result.Menu!;
    }

    /// <summary>The one schedule named <paramref name="id"/> of a menu whose hours are <c>{ id: scheduleJson }</c>.</summary>
    public static Schedule Schedule(string scheduleJson, string id = "support") =>
        Load(Menu($$"""{ "{{id}}": {{scheduleJson}} }""")).Hours[id];

    /// <summary>The instant of a local time in New York (earlier of two in a fall-back, shifted past a gap).</summary>
    public static Instant At(int year, int month, int day, int hour, int minute) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneLeniently(NewYork).ToInstant();
}
