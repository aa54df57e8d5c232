using IvrEngine.Calls;

namespace IvrEngine.Callbacks;

/// <summary>Reference numbers for new callbacks: the call's own, unless a callback in the store already has it.</summary>
public static class CallbackReferences
{
    /// <summary>
    /// <paramref name="preferred"/> (the call's reference, which the caller may have heard), or when the
    /// store already holds a callback with it — another call that drew the same number, e.g. two runs
    /// with one seed — a fresh one, drawn from the preferred one so a seeded run stays repeatable.
    /// </summary>
    public static ReferenceNumber Unused(ICallbackStore store, ReferenceNumber preferred)
    {
        if (store.Find(preferred) is null) return preferred;
        var random = new Random(int.Parse(preferred.Digits, System.Globalization.CultureInfo.InvariantCulture));
        var reference = ReferenceNumber.Create(random);
        while (store.Find(reference) is not null) reference = ReferenceNumber.Create(random);
        return reference;
    }
}
