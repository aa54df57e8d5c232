using IvrEngine.Calls;
using IvrEngine.Queues;
using IvrEngine.Tests.Calls;

namespace IvrEngine.Tests.Queues;

/// <summary>Queues that turn callers away into each other at once end the call with a routing loop, at once, instead of spinning at 0:00.</summary>
public sealed class RoutingLoopTests
{
    [Test]
    public void TwoQueuesOverflowingIntoEachOtherWithNoAgents_EndTheCallAsARoutingLoop()
    {
        var menu = QueueMenus.With(
            queueA: "\"whenNoAgents\": \"overflow\", \"overflow\": { \"queue\": \"b\" }",
            queueB: "\"whenNoAgents\": \"overflow\", \"overflow\": { \"queue\": \"a\" }");
        var center = new TestCenter(menu);

        var call = center.Call("1");

        Assert.That(call.Outcome, Is.EqualTo(new CallOutcome(CallOutcomeKind.RoutingLoop, "a", "32 moves without waiting for the caller, last to queue a")));
        Assert.That(center.Events(QueueEventType.JoinEmpty).Count(), Is.EqualTo(32), "each move is one turned-away arrival, and they stop");
    }

    [Test]
    public void QueuesClosedByDifferentSchedulesSendingCallersToEachOther_EndTheCallAsARoutingLoop()
    {
        // Both schedules are closed on Monday morning: callers bounce between the two closed queues.
        var withHours = TestMenus.Load(HoursLine);

        var call = new TestCall(withHours).Press("1");

        Assert.That(call.Session.Outcome!.Kind, Is.EqualTo(CallOutcomeKind.RoutingLoop));
        Assert.That(call.Events(CallEventType.ClosedByHours).Count(), Is.EqualTo(32));
    }

    private const string HoursLine = """
        {
          "name": "queue-line", "timeZone": "America/New_York", "locales": ["en-US", "ru-RU"], "start": "main",
          "defaults": { "escape": { "to": { "queue": "a" } } },
          "hours": { "nights": { "weekly": { "mon-sun": "22:00-23:00" } }, "weekends": { "weekly": { "sat-sun": "10:00-16:00" } } },
          "queues": {
            "a": { "name": { "en-US": "team A", "ru-RU": "команда А" }, "hours": "nights", "whenClosed": { "queue": "b" } },
            "b": { "name": { "en-US": "team B", "ru-RU": "команда Б" }, "hours": "weekends", "whenClosed": { "queue": "a" } }
          },
          "nodes": {
            "main": {
              "prompt": { "en-US": "Press 1 for A.", "ru-RU": "1 — А." },
              "options": [ { "key": "1", "queue": "a" } ]
            }
          }
        }
        """;
}
