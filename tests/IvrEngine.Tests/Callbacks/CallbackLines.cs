using IvrEngine.Callbacks;
using IvrEngine.Tests.Calls;
using IvrEngine.Tests.Queues;

namespace IvrEngine.Tests.Callbacks;

/// <summary>The lines the callback tests (and the simulated callers' tests) call into.</summary>
internal static class CallbackLines
{
    /// <summary>One two-minute agent with three calls of history, so the wait can be estimated, and a caller on the line: the next caller is offered virtual hold.</summary>
    public static TestCenter BusyLine(ICallbackStore store)
    {
        var center = new TestCenter(QueueMenus.With("\"callback\": { \"offerWhenWaitOverSeconds\": 60 }"), store, TestCenter.Agent("Steady", "a", talkSeconds: 120));
        for (var i = 0; i < 3; i++)
        {
            center.Call("1", seed: 100 + i);
            center.Wait(130);
        }
        center.Call("1", seed: 200);
        center.Wait(10);
        return center;
    }

    /// <summary>Queue "a" (key 1) opens on Saturdays 09:00-17:00 only, and offers its open times when closed; one agent, Ana.</summary>
    public static TestCenter ClosedLine(ICallbackStore store) => new(TestMenus.Load("""
        {
          "name": "closed-line", "timeZone": "America/New_York", "locales": ["en-US", "ru-RU"], "start": "main",
          "defaults": { "escape": { "to": { "queue": "a" } } },
          "hours": { "office": { "weekly": { "sat": "09:00-17:00" } } },
          "queues": { "a": { "name": { "en-US": "team A", "ru-RU": "команда А" }, "hours": "office", "callback": { "whenClosed": true },
            "whenClosed": { "hangup": { "en-US": "Goodbye.", "ru-RU": "До свидания." } } } },
          "nodes": { "main": { "prompt": { "en-US": "Hello.", "ru-RU": "Здравствуйте." }, "options": [ { "key": "1", "queue": "a" } ] } }
        }
        """), store, TestCenter.Agent("Ana", "a"));
}
