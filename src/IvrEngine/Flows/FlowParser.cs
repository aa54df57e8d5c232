using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using IvrEngine.Calls;
using IvrEngine.Files;
using IvrEngine.Menus.Loading;
using IvrEngine.Time;
using NodaTime;

namespace IvrEngine.Flows;

/// <summary>
/// Reads a <c>.flow</c> file (and the <c>.steps</c> files it includes) into a <see cref="FlowFile"/>,
/// reporting every problem at once with file, line and column, the way <c>ivr validate</c> does
/// for menus. Checks against the menu itself (node and queue names) are <see cref="FlowBinder"/>'s job.
/// </summary>
public sealed partial class FlowParser
{
    private const int MaxFileBytes = BoundedFile.MaxBytes;
    private const int MaxIncludeDepth = 16;

    // Weekday starts ("Monday 09:59 America/New_York") fall in this week, Monday 30 November 2026:
    // no daylight-saving change in the northern or southern hemisphere's usual zones.
    private static readonly LocalDate ReferenceMonday = FlowRunner.DefaultStart.Date;

    private static readonly string[] HeaderNames = ["menu", "locale", "at", "seed", "caller-id", "pacing", "staffing"];
    private static readonly string[] DirectiveNames = [.. HeaderNames, "flow", "include"];
    private static readonly string[] Verbs = ["press", "say", "wait", "hangup", "transfer", "expect"];
    private static readonly string[] ExpectKinds = ["prompt", "no prompt", "node", "state", "queued", "position", "wait", "agent", "outcome", "reference", "variable", "callback"];

    private readonly Func<string, byte[]?> _read;
    private readonly List<FlowDiagnostic> _diagnostics = [];
    private readonly Dictionary<string, (string Value, FlowLocation At)> _headers = new(StringComparer.Ordinal);
    private readonly List<(string Name, FlowLocation At, List<FlowStep> Steps)> _flows = [];
    private readonly Stack<string> _includeChain = new();

    private bool _namedFlows;

    // A file whose every step line is wrong is not also "a file without steps".
    private bool _sawStepLines;

    private FlowParser(Func<string, byte[]?> read) => _read = read;

    /// <summary>Parses the flow file at <paramref name="path"/>.</summary>
    public static FlowParseResult ParseFile(string path) => Parse(path, ReadFile);

    /// <summary>Parses <paramref name="path"/>, reading it and its includes through <paramref name="read"/> (null: no such file).</summary>
    public static FlowParseResult Parse(string path, Func<string, byte[]?> read) => new FlowParser(read).ParseFlowFile(path);

    /// <summary>Reads through the shared bounded reader; a folder, pipe or over-long file is an IOException with the reader's words.</summary>
    private static byte[]? ReadFile(string path)
    {
        if (!File.Exists(path) && !Directory.Exists(path)) return null;
        return BoundedFile.TryRead(path, "a flow file", out var problem) ?? throw new IOException(problem);
    }

    private FlowParseResult ParseFlowFile(string path)
    {
        var text = ReadText(path, new FlowLocation(path, 1, 1));
        if (text is null) return Result(null);
        _includeChain.Push(Path.GetFullPath(path));
        ParseLines(text, path, stepsOnly: false, includedLocale: null, into: null);
        _includeChain.Pop();

        if (!_headers.TryGetValue("menu", out var menu))
        {
            Report(new FlowLocation(path, 1, 1), FlowCodes.Header, "the file has no 'menu:' line; start it with one such as menu: ../carrier-support.json");
        }
        if (_flows.Count == 0 && !_sawStepLines)
        {
            Report(new FlowLocation(path, 1, 1), FlowCodes.Structure, "the file has no steps; a flow needs at least one step such as press 1 or expect node main");
        }
        foreach (var flow in _flows.Where(f => f.Steps.Count == 0))
        {
            Report(flow.At, FlowCodes.Structure, $"flow '{flow.Name}' has no steps");
        }
        foreach (var duplicate in _flows.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            Report(duplicate.Skip(1).First().At, FlowCodes.Structure, $"two flows are named '{duplicate.Key}'; give each flow in a file its own name");
        }
        // Header values are checked even when steps have problems: every error at once.
        var header = menu.Value is null ? null : BuildHeader(path, menu);
        if (header is null) return Result(null);
        // With problems the file is still returned, with the steps that parsed, so names are checked against the menu in the same pass.
        var flows = _flows.Select(f => new Flow(f.Name, f.At, [.. f.Steps])).ToImmutableArray();
        return Result(new FlowFile(path, header, flows));
    }

    private FlowParseResult Result(FlowFile? file) =>
        new(file, [.. _diagnostics.OrderBy(d => d.At.File, StringComparer.Ordinal).ThenBy(d => d.At.Line).ThenBy(d => d.At.Column)]);

    private string? ReadText(string path, FlowLocation at)
    {
        byte[]? bytes;
        try
        {
            bytes = _read(path);
        }
        catch (Exception exception) when (Files.FileFailure.Is(exception))
        {
            Report(at, FlowCodes.Unreadable, $"cannot read '{path}': {exception.Message}");
            return null;
        }
        if (bytes is null)
        {
            Report(at, FlowCodes.Unreadable, $"there is no file '{path}'");
            return null;
        }
        if (bytes.Length > MaxFileBytes)
        {
            Report(at, FlowCodes.Unreadable, $"'{path}' is {bytes.Length:N0} bytes; a flow file may be at most {MaxFileBytes:N0}");
            return null;
        }
        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            var nul = text.IndexOf('\0', StringComparison.Ordinal);
            if (nul >= 0)
            {
                var line = text.AsSpan(0, nul).Count('\n') + 1;
                var column = nul - (text.LastIndexOf('\n', nul) + 1) + 1;
                Report(new FlowLocation(path, line, column), FlowCodes.Unreadable, $"'{path}' contains NUL bytes; it looks like a binary file, not flow text");
                return null;
            }
            return text.TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            Report(at, FlowCodes.Unreadable, $"'{path}' is not UTF-8 text");
            return null;
        }
    }

    /// <summary>Reads lines into the current flow (or <paramref name="into"/> for an include).</summary>
    private void ParseLines(string text, string file, bool stepsOnly, string? includedLocale, List<FlowStep>? into)
    {
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].TrimEnd('\r');
            var start = line.Length - line.TrimStart().Length;
            var content = line.Trim();
            if (content.Length == 0 || content[0] == '#') continue;

            var at = new FlowLocation(file, index + 1, start + 1);
            var rest = content;
            var restColumn = start + 1;
            string? locale = null;
            if (rest[0] == '[')
            {
                var close = rest.IndexOf(']', StringComparison.Ordinal);
                if (close < 0 || !LocaleTag().IsMatch(rest[1..close].Trim()))
                {
                    Report(at, FlowCodes.BadValue, "a locale tag is written [en-US] before the step, e.g. [ru-RU] say оплатить");
                    continue;
                }
                locale = rest[1..close].Trim();
                var after = rest[(close + 1)..];
                restColumn += close + 1 + (after.Length - after.TrimStart().Length);
                rest = after.Trim();
                at = at with { Column = restColumn };
            }
            locale ??= includedLocale;

            var directive = Directive().Match(rest);
            if (directive.Success)
            {
                var name = directive.Groups[1].Value.ToLowerInvariant();
                var valueColumn = restColumn + directive.Groups[2].Index + (directive.Groups[2].Value.Length - directive.Groups[2].Value.TrimStart().Length);
                var value = directive.Groups[2].Value.Trim();
                ParseDirective(name, value, at, at with { Column = valueColumn }, stepsOnly, locale, into);
                continue;
            }

            var space = rest.IndexOfAny([' ', '\t']);
            var verb = (space < 0 ? rest : rest[..space]).ToLowerInvariant();
            var args = space < 0 ? string.Empty : rest[(space + 1)..].Trim();
            var argsColumn = space < 0 ? restColumn + rest.Length : restColumn + space + 1 + (rest[(space + 1)..].Length - rest[(space + 1)..].TrimStart().Length);
            _sawStepLines |= into is null;
            if (verb == "hang" && args.Equals("up", StringComparison.OrdinalIgnoreCase)) (verb, args) = ("hangup", string.Empty);
            var step = ParseStep(verb, args, at, at with { Column = argsColumn }, locale, rest);
            if (step is not null) AddStep(step, at, into);
        }
    }

    private void AddStep(FlowStep step, FlowLocation at, List<FlowStep>? into)
    {
        if (into is not null)
        {
            into.Add(step);
            return;
        }
        if (_flows.Count == 0)
        {
            // A file without 'flow:' lines is one flow named after the file.
            _flows.Add((Path.GetFileNameWithoutExtension(at.File), at, []));
        }
        _flows[^1].Steps.Add(step);
    }

    private void ParseDirective(string name, string value, FlowLocation at, FlowLocation valueAt, bool stepsOnly, string? locale, List<FlowStep>? into)
    {
        if (!DirectiveNames.Contains(name))
        {
            Report(at, FlowCodes.Unknown, $"unknown line '{name}:'{Suggestions.DidYouMean(name, DirectiveNames)}; a flow's header lines are {string.Join(", ", HeaderNames.Select(h => h + ":"))}, and flow: and include: may follow");
            return;
        }
        if (stepsOnly && name != "include")
        {
            Report(at, FlowCodes.Include, $"a .steps file holds steps only; '{name}:' belongs in the .flow file that includes it");
            return;
        }
        switch (name)
        {
            case "include":
                Include(value, at, valueAt, locale, into);
                return;
            case "flow":
                if (value.Length == 0)
                {
                    Report(valueAt, FlowCodes.BadValue, "'flow:' needs a name, e.g. flow: pay by phone");
                    return;
                }
                if (_flows.Count > 0 && !_namedFlows)
                {
                    Report(at, FlowCodes.Structure, "steps come before the first 'flow:' line; in a file with several flows, put each flow's steps under its 'flow:' line");
                }
                _namedFlows = true;
                _flows.Add((value, at, []));
                return;
        }

        if (_flows.Count > 0)
        {
            Report(at, FlowCodes.Header, $"'{name}:' is a header line; put it at the top of the file, before the first step or 'flow:'");
            return;
        }
        if (_headers.ContainsKey(name))
        {
            Report(at, FlowCodes.Header, $"'{name}:' is given twice");
            return;
        }
        if (value.Length == 0)
        {
            Report(valueAt, FlowCodes.BadValue, $"'{name}:' needs a value");
            return;
        }
        _headers[name] = (value, valueAt);
    }

    private void Include(string value, FlowLocation at, FlowLocation valueAt, string? locale, List<FlowStep>? into)
    {
        if (value.Length == 0)
        {
            Report(valueAt, FlowCodes.BadValue, "'include:' needs a steps file, e.g. include: steps/reach-billing.steps");
            return;
        }
        var path = Path.Combine(Path.GetDirectoryName(at.File) ?? ".", value);
        var fullPath = Path.GetFullPath(path);
        if (_includeChain.Contains(fullPath))
        {
            Report(valueAt, FlowCodes.Include, $"'{value}' includes itself (through {string.Join(" > ", _includeChain.Reverse().Select(Path.GetFileName))})");
            return;
        }
        if (_includeChain.Count > MaxIncludeDepth)
        {
            Report(valueAt, FlowCodes.Include, $"includes nest more than {MaxIncludeDepth} deep");
            return;
        }
        var before = _diagnostics.Count;
        var text = ReadText(path, valueAt);
        if (text is null)
        {
            // Say which include was missing in the include's own terms.
            if (_diagnostics.Count > before) _diagnostics[^1] = _diagnostics[^1] with { Code = FlowCodes.Include, Message = $"cannot include '{value}': {_diagnostics[^1].Message}" };
            return;
        }

        var steps = new List<FlowStep>();
        _includeChain.Push(fullPath);
        ParseLines(text, path, stepsOnly: true, includedLocale: locale, into: steps);
        _includeChain.Pop();
        if (steps.Count == 0 && _diagnostics.Count == before) Report(valueAt, FlowCodes.Include, $"'{value}' has no steps");
        foreach (var step in steps) AddStep(step, at, into);
    }

    private FlowStep? ParseStep(string verb, string args, FlowLocation at, FlowLocation argsAt, string? locale, string source)
    {
        switch (verb)
        {
            case "press":
                var keys = string.Concat(args.Where(c => !char.IsWhiteSpace(c)));
                if (keys.Length > 0 && keys.All(c => char.IsAsciiDigit(c) || c is '*' or '#')) return new PressKeys(at, locale, source, keys);
                return Fail<FlowStep>(argsAt, FlowCodes.BadValue, "'press' needs phone keys 0-9, * or #, e.g. press 1 or press 1234567#");
            case "say":
                var words = args.Length > 1 && args[0] == '"' && args[^1] == '"' ? args[1..^1] : args;
                if (words.Trim().Length > 0) return new SayWords(at, locale, source, words);
                return Fail<FlowStep>(argsAt, FlowCodes.BadValue, "'say' needs words, e.g. say pay my bill");
            case "wait":
                if (args.Length == 0) return new WaitFor(at, locale, source, null);
                if (DurationText.TryParse(args, out var duration)) return new WaitFor(at, locale, source, duration);
                return Fail<FlowStep>(argsAt, FlowCodes.BadValue, $"'{args}' is not a time to wait; write e.g. wait 5s, wait 2m or wait 250ms (more than 0, at most a day)");
            case "hangup":
                if (args.Length == 0) return new HangUp(at, locale, source);
                return Fail<FlowStep>(argsAt, FlowCodes.BadValue, "'hangup' takes nothing after it");
            case "transfer":
                return Name(args, argsAt, "transfer", "the queue the agent hands the caller to, e.g. transfer retention") is { } target ? new TransferByAgent(at, locale, source, target) : null;
            case "expect":
                return ParseExpectation(args, at, argsAt, locale, source);
            default:
                return Fail<FlowStep>(at, FlowCodes.Unknown, $"unknown step '{verb}'{Suggestions.DidYouMean(verb, Verbs)}; steps are press, say, wait, hangup, transfer, expect and include:");
        }
    }

    private Expectation? ParseExpectation(string args, FlowLocation at, FlowLocation argsAt, string? locale, string source)
    {
        var space = args.IndexOfAny([' ', '\t']);
        var kind = (space < 0 ? args : args[..space]).ToLowerInvariant();
        var rest = space < 0 ? string.Empty : args[(space + 1)..].Trim();
        var restAt = argsAt with { Column = argsAt.Column + (space < 0 ? args.Length : args.Length - rest.Length) };
        switch (kind)
        {
            case "prompt":
                return ParseMatch(rest, restAt, "expect prompt") is { } match ? new ExpectPrompt(at, locale, source, match) : null;
            case "no" when rest.StartsWith("prompt", StringComparison.OrdinalIgnoreCase):
                var text = rest["prompt".Length..].TrimStart();
                var textAt = restAt with { Column = restAt.Column + rest.Length - text.Length };
                return ParseMatch(text, textAt, "expect no prompt") is { } noMatch ? new ExpectNoPrompt(at, locale, source, noMatch) : null;
            case "node":
                return Name(rest, restAt, "expect node", "a node id, e.g. expect node billing") is { } node ? new ExpectNode(at, locale, source, node) : null;
            case "queued":
                return Name(rest, restAt, "expect queued", "a queue id, e.g. expect queued billing") is { } queue ? new ExpectQueued(at, locale, source, queue) : null;
            case "position":
                return ParsePosition(rest, at, restAt, locale, source);
            case "wait":
                return ParseWait(rest, at, restAt, locale, source);
            case "agent":
                if (rest.Length == 0) return new ExpectAgent(at, locale, source, null);
                var agent = rest.Length > 1 && rest[0] == '"' && rest[^1] == '"' ? rest[1..^1].Trim() : rest;
                if (agent.Length > 0 && !agent.Contains('"', StringComparison.Ordinal)) return new ExpectAgent(at, locale, source, agent);
                return Fail<Expectation>(restAt, FlowCodes.BadValue, "write 'expect agent' (any agent) or 'expect agent NAME', e.g. expect agent Maria");
            case "state":
                if (FlowText.States.TryGetValue(rest, out var state)) return new ExpectState(at, locale, source, state);
                return Fail<Expectation>(restAt, FlowCodes.BadValue, $"'{rest}' is not a call state{Suggestions.DidYouMean(rest, FlowText.States.Keys)}; states are {string.Join(", ", FlowText.States.Keys)}");
            case "outcome":
                return ParseOutcome(rest, at, restAt, locale, source);
            case "reference":
                if (rest.Length == 0) return new ExpectReference(at, locale, source);
                return Fail<Expectation>(restAt, FlowCodes.BadValue, "'expect reference' takes nothing after it");
            case "callback":
                return ParseCallback(rest, at, restAt, locale, source);
            case "variable":
                var variable = VariableValue().Match(rest);
                if (variable.Success) return new ExpectVariable(at, locale, source, variable.Groups[1].Value, variable.Groups[2].Value.Trim());
                return Fail<Expectation>(restAt, FlowCodes.BadValue, "write 'expect variable NAME = VALUE', e.g. expect variable orderNumber = 1234567");
            default:
                return Fail<Expectation>(argsAt, FlowCodes.Unknown, $"unknown expectation '{kind}'{Suggestions.DidYouMean(kind, ExpectKinds)}; expect one of: {string.Join(", ", ExpectKinds)}");
        }
    }

    private ExpectPosition? ParsePosition(string rest, FlowLocation at, FlowLocation restAt, string? locale, string source)
    {
        var atMost = rest.StartsWith("<=", StringComparison.Ordinal);
        var number = atMost ? rest[2..].Trim() : rest;
        if (int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position >= 1) return new ExpectPosition(at, locale, source, position, atMost);
        return Fail<ExpectPosition>(restAt, FlowCodes.BadValue, "write 'expect position N' or 'expect position <= N' with N 1 or more, e.g. expect position 1");
    }

    private ExpectWait? ParseWait(string rest, FlowLocation at, FlowLocation restAt, string? locale, string source)
    {
        if (rest.Equals("unknown", StringComparison.OrdinalIgnoreCase)) return new ExpectWait(at, locale, source, null);
        if (rest.StartsWith("<=", StringComparison.Ordinal) && DurationText.TryParse(rest[2..], out var longest)) return new ExpectWait(at, locale, source, longest);
        return Fail<ExpectWait>(restAt, FlowCodes.BadValue, "write 'expect wait <= 5m' (the expected wait the line computes now, at most that) or 'expect wait unknown' (too few calls to estimate from)");
    }

    private ExpectCallback? ParseCallback(string rest, FlowLocation at, FlowLocation restAt, string? locale, string source)
    {
        const string Usage = "write 'expect callback' (any callback booked), 'expect callback at tomorrow 9:00 AM' or 'expect callback at \"9:00 AM Eastern\"'";
        if (rest.Length == 0) return new ExpectCallback(at, locale, source, null, false);
        var words = rest.Split([' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries);
        if (!words[0].Equals("at", StringComparison.OrdinalIgnoreCase) || words.Length < 2) return Fail<ExpectCallback>(restAt, FlowCodes.BadValue, Usage);
        var time = words[1].Trim();
        if (time.Length >= 2 && time[0] == '"' && time[^1] == '"' && time[1..^1].Trim().Length > 0 && !time[1..^1].Contains('"', StringComparison.Ordinal))
        {
            return new ExpectCallback(at, locale, source, time[1..^1], true);
        }
        if (time.Contains('"', StringComparison.Ordinal)) return Fail<ExpectCallback>(restAt, FlowCodes.BadValue, Usage);
        return new ExpectCallback(at, locale, source, time, false);
    }

    private ExpectOutcome? ParseOutcome(string rest, FlowLocation at, FlowLocation restAt, string? locale, string source)
    {
        var parts = rest.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || !FlowText.Outcomes.TryGetValue(parts[0], out var kind))
        {
            var word = parts.Length == 0 ? string.Empty : parts[0];
            return Fail<ExpectOutcome>(restAt, FlowCodes.BadValue, $"'{word}' is not an outcome{Suggestions.DidYouMean(word, FlowText.Outcomes.Keys)}; outcomes are {string.Join(", ", FlowText.Outcomes.Keys)} (transferred, answered, abandoned, callback and hung-up may name the queue)");
        }
        if (parts.Length == 1) return new ExpectOutcome(at, locale, source, kind, null);
        if (parts.Length == 2 && FlowText.NamesQueue(kind) && NameShape().IsMatch(parts[1])) return new ExpectOutcome(at, locale, source, kind, parts[1]);
        return Fail<ExpectOutcome>(restAt, FlowCodes.BadValue, FlowText.NamesQueue(kind)
            ? $"write 'expect outcome {parts[0]}' or 'expect outcome {parts[0]} QUEUE'"
            : $"'expect outcome {parts[0]}' takes nothing after it");
    }

    private string? Name(string text, FlowLocation at, string step, string example)
    {
        if (NameShape().IsMatch(text)) return text;
        Fail<string>(at, FlowCodes.BadValue, $"'{step}' needs {example}");
        return null;
    }

    private TextMatch? ParseMatch(string text, FlowLocation at, string step)
    {
        if (text.Length >= 2 && text[0] == '"')
        {
            var builder = new StringBuilder();
            for (var i = 1; i < text.Length; i++)
            {
                if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\')
                {
                    builder.Append(text[++i]);
                }
                else if (text[i] == '"')
                {
                    if (i == text.Length - 1 && builder.Length > 0) return new TextMatch(builder.ToString(), null);
                    break;
                }
                else
                {
                    builder.Append(text[i]);
                }
            }
        }
        else if (text.Length >= 2 && text[0] == '/' && text.LastIndexOf('/') is > 0 and var close && TextMatch.TryParseFlags(text[(close + 1)..], out var options))
        {
            var pattern = text[1..close];
            try
            {
                return new TextMatch(pattern, TextMatch.Compile(pattern, options));
            }
            catch (ArgumentException exception)
            {
                Fail<string>(at, FlowCodes.BadValue, $"/{pattern}/ is not a valid pattern: {exception.Message}");
                return null;
            }
        }
        Fail<string>(at, FlowCodes.BadValue, $"'{step}' needs text in double quotes (\"Billing and payments\") or a pattern between slashes (/press [0-9]/, /goodbye/i to ignore case), and nothing after it");
        return null;
    }

    private FlowHeader? BuildHeader(string path, (string Value, FlowLocation At) menu)
    {
        var problemsBefore = _diagnostics.Count;
        var locales = ImmutableArray<string>.Empty;
        FlowLocation? localesAt = null;
        if (_headers.TryGetValue("locale", out var locale))
        {
            localesAt = locale.At;
            locales = [.. locale.Value.Split(',').Select(l => l.Trim())];
            if (locales.Any(l => !LocaleTag().IsMatch(l)) || locales.Distinct(StringComparer.OrdinalIgnoreCase).Count() != locales.Length)
            {
                Report(locale.At, FlowCodes.BadValue, "'locale:' lists locale tags once each, separated by commas, e.g. locale: en-US, ru-RU");
            }
        }

        Instant? startAt = null;
        if (_headers.TryGetValue("at", out var at))
        {
            if (TryParseStart(at.Value, out var instant, out var error)) startAt = instant;
            else Report(at.At, FlowCodes.BadValue, $"'at:' {error}; weekdays work too: at: Monday 09:59 America/New_York");
        }

        var seed = 0;
        if (_headers.TryGetValue("seed", out var seedText) && !(int.TryParse(seedText.Value, NumberStyles.None, CultureInfo.InvariantCulture, out seed)))
        {
            Report(seedText.At, FlowCodes.BadValue, $"'seed:' is a whole number 0 or more, not '{seedText.Value}'");
        }

        string? callerId = null;
        if (_headers.TryGetValue("caller-id", out var caller))
        {
            if (CallerIdShape().IsMatch(caller.Value)) callerId = caller.Value;
            else Report(caller.At, FlowCodes.BadValue, $"'caller-id:' '{caller.Value}' is not a phone number; write digits, optionally with a leading + (e.g. +12025550143)");
        }

        var pacing = PromptPacing.Instant;
        if (_headers.TryGetValue("pacing", out var pacingText))
        {
            if (pacingText.Value.Equals("spoken", StringComparison.OrdinalIgnoreCase)) pacing = PromptPacing.Spoken;
            else if (!pacingText.Value.Equals("instant", StringComparison.OrdinalIgnoreCase)) Report(pacingText.At, FlowCodes.BadValue, "'pacing:' is instant (prompts take no time) or spoken (silence counts after a prompt is said)");
        }

        var staffing = FlowStaffing.Default;
        if (_headers.TryGetValue("staffing", out var staffingText))
        {
            staffing = staffingText.Value.Equals("none", StringComparison.OrdinalIgnoreCase)
                ? new FlowStaffing(null, true, staffingText.At)
                : new FlowStaffing(Path.Combine(Path.GetDirectoryName(path) ?? ".", staffingText.Value), false, staffingText.At);
        }

        // A bad header value leaves nothing sound to check names against; problems in steps do not.
        if (_diagnostics.Count > problemsBefore) return null;
        var menuPath = Path.Combine(Path.GetDirectoryName(path) ?? ".", menu.Value);
        return new FlowHeader(menuPath, menu.At, locales, localesAt, startAt, seed, callerId, pacing, staffing);
    }

    private static bool TryParseStart(string text, out Instant instant, out string error)
    {
        var weekday = Weekday().Match(text);
        if (weekday.Success)
        {
            var day = Enum.Parse<IsoDayOfWeek>(weekday.Groups[1].Value, ignoreCase: true);
            var date = ReferenceMonday.PlusDays((int)day - (int)IsoDayOfWeek.Monday);
            text = $"{date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)} {weekday.Groups[2].Value.PadLeft(5, '0')} {weekday.Groups[3].Value}";
        }
        return StartTimeParser.TryParse(text, out instant, out error);
    }

    private T? Fail<T>(FlowLocation at, string code, string message)
        where T : class
    {
        Report(at, code, message);
        return null;
    }

    private void Report(FlowLocation at, string code, string message) => _diagnostics.Add(new FlowDiagnostic(at, code, message));

    [GeneratedRegex(@"^([A-Za-z][A-Za-z-]*):(.*)$")]
    private static partial Regex Directive();

    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LocaleTag();

    [GeneratedRegex(@"^[A-Za-z0-9_-]+$")]
    private static partial Regex NameShape();

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_]*)\s*(?:=\s*|\s+)(\S.*)$")]
    private static partial Regex VariableValue();

    [GeneratedRegex(@"^\+?[0-9]{3,15}$")]
    private static partial Regex CallerIdShape();

    [GeneratedRegex(@"^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+([0-9]{1,2}:[0-9]{2})\s+(\S+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Weekday();
}
