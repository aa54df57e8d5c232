using IvrEngine.Menus;
using IvrEngine.Tests.Calls;

namespace IvrEngine.Tests.Queues;

/// <summary>A one-node line whose keys lead to queues written by each test: 1 → "a", 2 → "b", 0 → "a".</summary>
internal static class QueueMenus
{
    public static Menu With(string queueA = "", string queueB = "") => TestMenus.Load($$"""
        {
          "name": "queue-line", "timeZone": "America/New_York", "locales": ["en-US", "ru-RU"], "start": "main",
          "defaults": { "escape": { "to": { "queue": "a" } }, "noInput": { "seconds": 600 } },
          "queues": {
            "a": { "name": { "en-US": "team A", "ru-RU": "команда А" }{{(queueA.Length > 0 ? ", " + queueA : "")}} },
            "b": { "name": { "en-US": "team B", "ru-RU": "команда Б" }{{(queueB.Length > 0 ? ", " + queueB : "")}} }
          },
          "nodes": {
            "main": {
              "prompt": { "en-US": "Press 1 for A, 2 for B.", "ru-RU": "1 — А, 2 — Б." },
              "options": [
                { "key": "1", "queue": "a" },
                { "key": "2", "queue": "b" },
                { "key": "3", "goto": "bye" }
              ]
            },
            "bye": { "prompt": { "en-US": "Goodbye.", "ru-RU": "До свидания." }, "next": { "hangup": { "en-US": "Bye.", "ru-RU": "Пока." } } }
          }
        }
        """);
}
