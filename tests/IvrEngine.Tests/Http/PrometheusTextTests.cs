namespace IvrEngine.Tests.Http;

/// <summary>The metrics reader the load test relies on: labels matched in any order, escapes read, a broken line refused.</summary>
public sealed class PrometheusTextTests
{
    private const string Exposition = """
        # TYPE ivr_calls_ended_total counter
        ivr_calls_ended_total{otel_scope_name="IvrEngine",outcome="AbandonedInQueue"} 3 1700000000000
        ivr_calls_ended_total{outcome="AnsweredByAgent",otel_scope_name="IvrEngine"} 1e+03

        ivr_escapes_total 7
        ivr_queue_waiting{queue="say \"hi\"\\now"} 0
        """;

    [Test]
    public void Samples_are_summed_by_name_and_any_subset_of_their_labels()
    {
        var metrics = PrometheusText.Parse(Exposition);
        Assert.That(metrics.Sum("ivr_calls_ended_total"), Is.EqualTo(1003));
        Assert.That(metrics.Sum("ivr_calls_ended_total", ("outcome", "AnsweredByAgent")), Is.EqualTo(1000));
        Assert.That(metrics.Sum("ivr_calls_ended_total", ("outcome", "AbandonedInQueue"), ("otel_scope_name", "IvrEngine")), Is.EqualTo(3));
        Assert.That(metrics.Sum("ivr_escapes_total"), Is.EqualTo(7));
        Assert.That(metrics.Sum("ivr_calls_ended_total", ("outcome", "Faulted")), Is.Zero);
    }

    [Test]
    public void Quoted_label_values_are_read_with_their_escapes()
    {
        var series = PrometheusText.Parse(Exposition).Series("ivr_queue_waiting");
        Assert.That(series.Single().Labels["queue"], Is.EqualTo("say \"hi\"\\now"));
    }

    [Test]
    public void A_sample_without_a_value_is_refused()
    {
        Assert.That(() => PrometheusText.Parse("ivr_escapes_total{a=\"b\"}"), Throws.TypeOf<FormatException>());
    }
}
