using System.Net;
using IvrEngine.Callbacks;
using IvrEngine.Calls;
using NodaTime;

namespace IvrEngine.Tests.Http;

/// <summary>Menus (validate, publish, versions), callbacks (list, show, cancel), health, the OpenAPI document and the metrics.</summary>
public sealed class OperationsApiTests
{
    [Test]
    public async Task ValidatingABrokenMenu_GivesTheLocatedDiagnosticsIvrValidateGives()
    {
        using var factory = new IvrServiceFactory();
        var client = await factory.StartAsync();
        var broken = File.ReadAllText(factory.MenuPath).Replace("\"start\": \"main\"", "\"start\": \"nowhere\"", StringComparison.Ordinal);

        var report = await (await client.PostAsync("/menus/validate", ErrorPathTests.Json(broken))).JsonAsync();

        Assert.That(report.GetProperty("valid").GetBoolean(), Is.False);
        var first = report.GetProperty("diagnostics")[0];
        Assert.That(first.Str("file"), Is.EqualTo("carrier-support.json"));
        // "start": "main" is line 14, its value at column 12, of the bundled menu.
        Assert.That((first.Str("code"), first.GetProperty("line").GetInt32(), first.GetProperty("column").GetInt32()), Is.EqualTo(("IVR0011", 14, 12)));
        Assert.That(first.Str("jsonPath"), Is.EqualTo("$.start"));
    }

    [Test]
    public async Task PublishingAnInvalidMenu_Is422WithItsDiagnostics_AndTheServedVersionStays()
    {
        using var factory = new IvrServiceFactory();
        var client = await factory.StartAsync();
        var before = factory.Line.Menu!.Version;

        var problem = await ErrorPathTests.AssertProblemAsync(await client.PostAsync("/menus/publish", ErrorPathTests.Json("{ \"name\": 1 }")), HttpStatusCode.UnprocessableEntity, "invalid-menu");

        Assert.That(problem.GetProperty("diagnostics").EnumerateArray().Select(d => d.Str("code") + " " + d.Str("jsonPath")).ToArray(), 
            Is.EqualTo(new[] { "IVR0004 $.locales", "IVR0004 $.nodes", "IVR0004 $.timeZone", "IVR0004 $.start", "IVR0004 $.budget.then", "IVR0002 $.name" }),
            "every missing field, and the name that is not text");
        Assert.That(factory.Line.Menu!.Version, Is.EqualTo(before));
    }

    [Test]
    public async Task PublishingAValidMenu_ServesNewCallsTheNewVersion_WhileACallInProgressKeepsItsOwn()
    {
        using var factory = new IvrServiceFactory();
        var client = await factory.StartAsync();
        var first = await (await client.PostJsonAsync("/calls")).JsonAsync();
        var changed = File.ReadAllText(factory.MenuPath).Replace("Thanks for calling customer care.", "Thank you for calling customer care.", StringComparison.Ordinal);

        var published = await client.PostAsync("/menus/publish", ErrorPathTests.Json(changed));

        Assert.That(published.StatusCode, Is.EqualTo(HttpStatusCode.Created), await published.Content.ReadAsStringAsync());
        var version = (await published.JsonAsync()).Str("version");
        Assert.That(version, Is.Not.EqualTo(first.Str("version")));
        var second = await (await client.PostJsonAsync("/calls")).JsonAsync();
        Assert.That(second.Str("version"), Is.EqualTo(version));
        Assert.That(second.GetProperty("prompts")[0].GetString(), Does.StartWith("Thank you for calling"));
        var stillFirst = await (await client.GetAsync($"/calls/{first.Str("reference")}")).JsonAsync();
        Assert.That(stillFirst.Str("version"), Is.EqualTo(first.Str("version")));
        var versions = await (await client.GetAsync("/menus/versions")).JsonAsync();
        Assert.That(versions.EnumerateArray().Select(v => v.Str("version")), Is.EqualTo(new[] { first.Str("version"), version }));
        Assert.That(versions[1].Str("how"), Is.EqualTo("published"));
    }

    [Test]
    public async Task Callbacks_AreListedShownAndCancelled_FromTheSameStore()
    {
        using var factory = new IvrServiceFactory();
        var client = await factory.StartAsync();
        var now = factory.Line.Host.Clock.Clock.GetCurrentInstant();
        var reference = ReferenceNumber.FromSequence(42);
        factory.Line.Store.Schedule(new CallbackRequest(reference, "general", "+12025550143", CallbackKind.Scheduled, "en-US", now, now + Duration.FromHours(2), now + Duration.FromDays(1), Line: "carrier-support"));

        var listed = await (await client.GetAsync("/callbacks?state=pending")).JsonAsync();
        var shown = await (await client.GetAsync($"/callbacks/{reference}")).JsonAsync();
        var cancelled = await client.DeleteAsync($"/callbacks/{reference}");
        var again = await client.DeleteAsync($"/callbacks/{reference}");

        Assert.That(listed.EnumerateArray().Select(c => c.Str("reference")), Is.EqualTo(new[] { reference.ToString() }));
        Assert.That(shown.Str("number"), Does.Not.Contain("5550143"));
        Assert.That(shown.GetProperty("history").GetArrayLength(), Is.Zero);
        Assert.That((await cancelled.JsonAsync()).Str("state"), Is.EqualTo("cancelled"));
        await ErrorPathTests.AssertProblemAsync(again, HttpStatusCode.Conflict, "callback-not-pending");
        await ErrorPathTests.AssertProblemAsync(await client.GetAsync("/callbacks/999-999-999"), HttpStatusCode.NotFound, "unknown-callback");
        await ErrorPathTests.AssertProblemAsync(await client.GetAsync("/callbacks?state=lost"), HttpStatusCode.BadRequest, "invalid-request");
    }

    [Test]
    public async Task HealthReadinessAndTheOpenApiDocument_AreServed()
    {
        using var factory = new IvrServiceFactory();
        var client = await factory.StartAsync();

        Assert.That(await client.GetStringAsync("/healthz"), Is.EqualTo("Healthy"));
        Assert.That(await client.GetStringAsync("/readyz"), Is.EqualTo("Healthy"));
        var openApi = await (await client.GetAsync("/openapi/v1.json")).JsonAsync();
        Assert.That(openApi.GetProperty("paths").EnumerateObject().Select(p => p.Name),
            Is.SupersetOf(new[] { "/calls", "/calls/{reference}/press", "/calls/{reference}/events", "/queues", "/callbacks/{reference}", "/menus/publish" }));
    }

    [Test]
    public async Task Metrics_CountTheCallsMade_InPrometheusText()
    {
        using var factory = new IvrServiceFactory();
        var client = await factory.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            var reference = (await (await client.PostJsonAsync("/calls")).JsonAsync()).Str("reference");
            await client.PostJsonAsync($"/calls/{reference}/press", new { keys = "0" });
            await client.PostJsonAsync($"/calls/{reference}/hangup");
        }

        var metrics = await client.GetStringAsync("/metrics");

        Assert.That(metrics, Does.Contain("ivr_calls_started_total{otel_scope_name=\"IvrEngine\",menu=\"carrier-support\"} 3"));
        Assert.That(metrics, Does.Contain("ivr_calls_ended_total{otel_scope_name=\"IvrEngine\",outcome=\"AbandonedInQueue\"} 3"));
        Assert.That(metrics, Does.Contain("ivr_escapes_total{otel_scope_name=\"IvrEngine\"} 3"));
        Assert.That(metrics, Does.Contain("ivr_queue_waiting{otel_scope_name=\"IvrEngine\",queue=\"general\"} 0"));
    }
}
