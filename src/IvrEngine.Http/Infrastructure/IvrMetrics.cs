using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace IvrEngine.Http.Infrastructure;

/// <summary>
/// The line's figures as OpenTelemetry metrics (meter <c>IvrEngine</c>), scraped at <c>/metrics</c>
/// in Prometheus text by the OpenTelemetry exporter. Recorded on the calls' thread; the gauges read
/// values that thread keeps current.
/// </summary>
public sealed class IvrMetrics : IDisposable
{
    public const string MeterName = "IvrEngine";

    private readonly Meter _meter;
    private readonly Counter<long> _started;
    private readonly Counter<long> _ended;
    private readonly Counter<long> _escapes;
    private readonly Histogram<double> _timeToPerson;
    private readonly Histogram<double> _queueWait;
    private readonly Counter<long> _callbacks;
    private readonly Counter<long> _menuVersions;
    private readonly ConcurrentDictionary<string, int> _waiting = new(StringComparer.Ordinal);

    public IvrMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _started = _meter.CreateCounter<long>("ivr.calls.started", "{call}", "Calls answered.");
        _ended = _meter.CreateCounter<long>("ivr.calls.ended", "{call}", "Calls ended, by outcome.");
        _escapes = _meter.CreateCounter<long>("ivr.escapes", "{escape}", "Callers who asked for a human (0, \"operator\").");
        _timeToPerson = _meter.CreateHistogram<double>("ivr.time_to_person", "s", "From answering the call to an agent picking up.");
        _queueWait = _meter.CreateHistogram<double>("ivr.queue.wait", "s", "Time in a queue until answered, abandoned or overflowed.");
        _callbacks = _meter.CreateCounter<long>("ivr.callbacks", "{callback}", "Callbacks booked, dialed and failed.");
        _menuVersions = _meter.CreateCounter<long>("ivr.menu.versions", "{version}", "Menu versions served (the first load and each published or reloaded one).");
        _meter.CreateObservableGauge("ivr.queue.waiting", ObserveWaiting, "{call}", "Callers waiting now, per queue.");
    }

    public void CallStarted(string menu) => _started.Add(1, new KeyValuePair<string, object?>("menu", menu));

    public void CallEnded(string outcome) => _ended.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Escaped() => _escapes.Add(1);

    public void ReachedPerson(double seconds) => _timeToPerson.Record(seconds);

    public void LeftQueue(string queue, double seconds, string how) =>
        _queueWait.Record(seconds, new KeyValuePair<string, object?>("queue", queue), new KeyValuePair<string, object?>("result", how));

    public void Callback(string what) => _callbacks.Add(1, new KeyValuePair<string, object?>("result", what));

    public void MenuVersion(string menu) => _menuVersions.Add(1, new KeyValuePair<string, object?>("menu", menu));

    public void Waiting(string queue, int count) => _waiting[queue] = count;

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<int>> ObserveWaiting() =>
        _waiting.OrderBy(q => q.Key, StringComparer.Ordinal).Select(q => new Measurement<int>(q.Value, new KeyValuePair<string, object?>("queue", q.Key)));
}
