using IvrEngine.Http.Calls;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace IvrEngine.Http.Twiml;

/// <summary>
/// The voice webhooks Twilio, SignalWire (cXML) and Telnyx (TeXML) call (docs/twiml.md): the incoming
/// call, each gather's result, the redirect while waiting, and the status callback. Every one is signed.
/// </summary>
internal static class TwimlEndpoints
{
    private const string TwimlType = "application/xml";

    public static void Map(IEndpointRouteBuilder app)
    {
        var twiml = app.MapGroup("/twiml").WithTags("TwiML").AddEndpointFilter<TwilioSignatureFilter>().DisableAntiforgery();
        twiml.MapPost("/voice", IncomingAsync).WithSummary("Incoming-call webhook: starts a call and answers with its first prompt in a Gather");
        twiml.MapPost("/gather", GatherAsync).WithSummary("Gather action: feeds Digits or SpeechResult into the call");
        twiml.MapPost("/wait", WaitAsync).WithSummary("Redirect target while the call waits, talks or moves");
        twiml.MapPost("/status", StatusAsync).WithSummary("Status callback: completed (or failed, busy, no-answer) ends the call");
    }

    private static async Task<IResult> IncomingAsync(HttpRequest request, ServedLine line, TwimlCalls calls, IOptions<HttpServeOptions> options)
    {
        var form = await request.ReadFormAsync();
        var callSid = form["CallSid"].ToString();
        if (calls.Find(callSid) is { } known) return await AnswerAsync(line, known, request, options);
        if (line.Menu is not { } menu) return Xml(Say("This line is not in service.").Hangup());
        var country = form["CallerCountry"].ToString();
        var locale = menu.Locales.FirstOrDefault(l => country.Length == 2 && l.EndsWith("-" + country, StringComparison.OrdinalIgnoreCase)) ?? menu.DefaultLocale;
        var from = form["From"].ToString();
        var callerId = from.Length > 0 && from.TrimStart('+').All(char.IsAsciiDigit) ? from : null;
        var (call, _) = await line.StartAsync(menu, locale, callerId, callSid);
        if (call is null) return Xml(Say("All our lines are busy. Please call again later.").Hangup());
        if (callSid.Length > 0) calls.Add(callSid, call);
        return await AnswerAsync(line, call, request, options);
    }

    private static async Task<IResult> GatherAsync(HttpRequest request, ServedLine line, IOptions<HttpServeOptions> options)
    {
        var form = await request.ReadFormAsync();
        if (Find(request, line) is not { } call) return Xml(Say("This call has ended.").Hangup());
        var digits = new string(form["Digits"].ToString().Where(c => char.IsAsciiDigit(c) || c is '*' or '#').ToArray());
        var speech = form["SpeechResult"].ToString().Trim();
        // The calls API's limits: a webhook of 20,000 '*' would repeat a menu 20,000 times on the
        // thread every call shares. Input past them is dropped, as if the caller had been silent.
        if (digits.Length > Calls.CallEndpoints.MaxKeys) digits = string.Empty;
        if (speech.Length > Calls.CallEndpoints.MaxWords) speech = string.Empty;
        await line.Host.InvokeAsync(() =>
        {
            var state = call.Session.State;
            if (digits.Length > 0 && CallInputs.Accepts(state, CallInputs.Press)) call.Session.Press(digits);
            else if (speech.Length > 0 && CallInputs.Accepts(state, CallInputs.Say)) call.Session.Say(speech);
            // Both empty: the caller was silent. The call's own no-input timer (same length as the
            // Gather's timeout) reprompts or moves on; the answer below says whatever it said.
        });
        return await AnswerAsync(line, call, request, options);
    }

    private static async Task<IResult> WaitAsync(HttpRequest request, ServedLine line, IOptions<HttpServeOptions> options)
    {
        await request.ReadFormAsync();
        return Find(request, line) is { } call ? await AnswerAsync(line, call, request, options) : Xml(new Twilio.TwiML.VoiceResponse().Hangup());
    }

    private static async Task<IResult> StatusAsync(HttpRequest request, ServedLine line, TwimlCalls calls)
    {
        var form = await request.ReadFormAsync();
        var callSid = form["CallSid"].ToString();
        var status = form["CallStatus"].ToString();
        if (status is "completed" or "failed" or "busy" or "no-answer" or "canceled" && calls.Find(callSid) is { } call)
        {
            // Exactly what hangup does: the queue place is given up, an agent's call ends.
            await line.Host.InvokeAsync(() =>
            {
                if (!call.Session.IsEnded) call.Session.HangUp();
            });
            calls.Forget(callSid);
        }
        return TypedResults.NoContent();
    }

    private static LiveCall? Find(HttpRequest request, ServedLine line) => request.Query["call"].ToString() is { Length: > 0 } reference ? line.Find(reference) : null;

    private static async Task<IResult> AnswerAsync(ServedLine line, LiveCall call, HttpRequest request, IOptions<HttpServeOptions> options)
    {
        var baseUrl = (options.Value.PublicUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}{request.PathBase}") + "/twiml";
        // A caller a live agent has accepted is put through to the agent's phone or client.
        var response = await line.Host.InvokeAsync(() => TwimlComposer.Compose(call, baseUrl, options.Value.HoldMusic, line.Desk.DialFor(call.Reference)));
        return Xml(response);
    }

    private static Twilio.TwiML.VoiceResponse Say(string text) => new Twilio.TwiML.VoiceResponse().Say(text);

    private static IResult Xml(Twilio.TwiML.VoiceResponse response) => TypedResults.Text(response.ToString(), TwimlType);
}
