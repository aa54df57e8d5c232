using NodaTime;

namespace IvrEngine.Calls;

/// <summary>
/// When the line stops talking. With spoken pacing each prompt takes its speaking time (queued after
/// what is still being said), and silence is counted from its end; a caller's key or word cuts the
/// prompt short (barge-in). With instant pacing prompts take no time.
/// </summary>
internal sealed class PromptClock(PromptPacing pacing)
{
    private Instant _endsAt;

    public PromptPacing Pacing => pacing;

    /// <summary>The line says <paramref name="rendered"/> at <paramref name="now"/>, after anything it is still saying.</summary>
    public void Said(string rendered, string locale, Instant now)
    {
        if (pacing == PromptPacing.Spoken) _endsAt = Instant.Max(_endsAt, now) + SpeakingTime.Of(rendered, locale);
    }

    /// <summary>The caller's input cuts what the line is saying short.</summary>
    public void BargeIn(Instant now) => _endsAt = now;

    /// <summary>How long the line is still talking at <paramref name="now"/> (zero when it is not).</summary>
    public Duration StillTalking(Instant now) => _endsAt > now ? _endsAt - now : Duration.Zero;
}
