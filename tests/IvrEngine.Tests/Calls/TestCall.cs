using IvrEngine.Calls;
using IvrEngine.Menus;
using IvrEngine.Time;
using NodaTime;

namespace IvrEngine.Tests.Calls;

/// <summary>A call on a virtual clock, driven the way a caller drives it, with handy views of what was said.</summary>
internal sealed class TestCall
{
    public static readonly Instant MondayMorning = Instant.FromUtc(2026, 11, 30, 14, 15);

    public TestCall(Menu menu, string? locale = null, int seed = 1)
    {
        Clock = new VirtualClock(MondayMorning);
        Session = new CallSession(menu, new CallSettings(locale, "+12025550143", Seed: seed), Clock);
        Session.Start();
    }

    public TestCall(string? locale = null, int seed = 1)
        : this(TestMenus.Load(), locale, seed)
    {
    }

    public VirtualClock Clock { get; }

    public CallSession Session { get; }

    public IEnumerable<string> Prompts => Events(CallEventType.Prompt).Select(e => e.Text!);

    public string LastPrompt => Prompts.Last();

    public TestCall Press(string keys)
    {
        Session.Press(keys);
        return this;
    }

    public TestCall Say(string utterance)
    {
        Session.Say(utterance);
        return this;
    }

    public TestCall Wait(double seconds)
    {
        Clock.Advance(Duration.FromSeconds(seconds));
        return this;
    }

    public IEnumerable<CallEvent> Events(CallEventType type) => Session.Transcript.Events.Where(e => e.Type == type);
}
