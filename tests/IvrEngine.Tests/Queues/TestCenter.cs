using System.Collections.Immutable;
using IvrEngine.Calls;
using IvrEngine.Menus;
using IvrEngine.Queues;
using IvrEngine.Queues.Staffing;
using IvrEngine.Tests.Calls;
using IvrEngine.Time;
using NodaTime;

namespace IvrEngine.Tests.Queues;

/// <summary>A call centre on a virtual clock with agents written in the test, and callers placed into it.</summary>
internal sealed class TestCenter
{
    public TestCenter(Menu menu, params AgentProfile[] agents)
        : this(menu, (IvrEngine.Callbacks.ICallbackStore?)null, agents)
    {
    }

    public TestCenter(Menu menu, IvrEngine.Callbacks.ICallbackStore? callbacks, params AgentProfile[] agents)
        : this(menu, callbacks, dispatch: null, agents)
    {
    }

    /// <summary>With <paramref name="dispatch"/> deciding when the centre's posted work runs (as the calls' thread queues it).</summary>
    public TestCenter(Menu menu, Action<Action> dispatch, params AgentProfile[] agents)
        : this(menu, null, dispatch, agents)
    {
    }

    private TestCenter(Menu menu, IvrEngine.Callbacks.ICallbackStore? callbacks, Action<Action>? dispatch, AgentProfile[] agents)
    {
        Menu = menu;
        Clock = new VirtualClock(TestCall.MondayMorning);
        Center = new CallCenter(menu, new StaffingPlan([.. agents]), Clock, seed: 1, dispatch: dispatch, callbacks: callbacks);
    }

    public TestCenter(params AgentProfile[] agents)
        : this(TestMenus.Load(), agents)
    {
    }

    public Menu Menu { get; }

    public VirtualClock Clock { get; }

    public CallCenter Center { get; }

    /// <summary>An agent answering after 2 s, talking exactly <paramref name="talkSeconds"/>, no wrap-up unless given.</summary>
    public static AgentProfile Agent(string name, string queues = "general", double talkSeconds = 60, double wrapUpSeconds = 0, double answerSeconds = 2, double noAnswer = 0) =>
        new(
            name,
            queues.Split(',').Select(q => q.Split(':')).ToImmutableDictionary(p => p[0], p => p.Length > 1 ? int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture) : 1),
            HandleTime.Fixed(Duration.FromSeconds(talkSeconds)),
            Duration.FromSeconds(wrapUpSeconds),
            Duration.FromSeconds(answerSeconds),
            noAnswer,
            TransferProbability: 0,
            TransferTo: null,
            BusyAtStart: Duration.Zero);

    /// <summary>A caller who answers the main menu and presses 0 (to the general queue), or says <paramref name="say"/>.</summary>
    public CallSession Call(string keys = "0", string? say = null, int seed = 1, string? callerId = null)
    {
        var call = new CallSession(Menu, new CallSettings(CallerId: callerId, Seed: seed, CallCenter: Center), Clock);
        call.Start();
        if (say is null) call.Press(keys);
        else call.Say(say);
        return call;
    }

    public TestCenter Wait(double seconds)
    {
        Clock.Advance(Duration.FromSeconds(seconds));
        return this;
    }

    public static IEnumerable<string> Prompts(CallSession call) =>
        call.Transcript.Events.Where(e => e.Type == CallEventType.Prompt).Select(e => e.Text!);

    public IEnumerable<QueueEvent> Events(QueueEventType type) => Center.Log.Events.Where(e => e.Type == type);
}
