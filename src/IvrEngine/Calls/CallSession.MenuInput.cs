using System.Collections.Immutable;
using IvrEngine.Menus;

namespace IvrEngine.Calls;

// Choosing at a menu node by key or phrase, and asking for a human.
public sealed partial class CallSession
{
    private string _keyBuffer = string.Empty;
    private int _escapeAsks;

    private void OnMenuKey(char key)
    {
        var node = CallerActed();
        Record(CallEventType.KeyPressed, text: key.ToString());
        if (!IsPhoneKey(key))
        {
            _keyBuffer = string.Empty;
            Invalid($"'{key}' is not a phone key");
            return;
        }

        var keys = _keyBuffer + key;
        var (choice, couldContinue) = NodeInputs.KeysOf(node).Lookup(keys);
        if (couldContinue)
        {
            // Documented prefix rule: wait the inter-digit timeout for the rest of a longer key.
            _keyBuffer = keys;
            ArmInputTimer(CallTrigger.InterDigitTimeout, node.InterDigitTimeout);
            return;
        }

        _keyBuffer = string.Empty;
        if (choice is { } chosen) Choose(chosen, $"key {keys}");
        else Invalid($"no option for key {keys}");
    }

    private void OnMenuKeyPause()
    {
        var node = CurrentNode;
        var keys = _keyBuffer;
        _keyBuffer = string.Empty;
        if (NodeInputs.KeysOf(node).Lookup(keys).Choice is { } chosen) Choose(chosen, $"key {keys}");
        else Invalid($"no option for key {keys}");
    }

    private void OnMenuSpeech(string utterance)
    {
        var node = CallerActed();
        Record(CallEventType.SpeechHeard, text: utterance);
        _keyBuffer = string.Empty;
        var match = NodeInputs.PhrasesOf(node, Locale).Match(utterance);
        if (match.IsNone) Invalid($"no option matches \"{utterance}\"");
        else if (match.IsAmbiguous) AskWhichOne(match.Choices);
        else Choose(match.Single, $"said \"{utterance}\"");
    }

    private void Choose(InputChoice choice, string how)
    {
        if (choice.IsEscape)
        {
            AskForHuman();
            return;
        }

        var option = choice.Option!;
        var label = option.Label(Locale);
        Record(CallEventType.OptionChosen, text: label, detail: how);
        if (option.Message is not null) Speak(option.Message);
        Perform(option.Action, $"chose {label}");
    }

    private void AskForHuman()
    {
        var node = CurrentNode;
        var escape = node.Escape;
        _escapeAsks++;
        Record(CallEventType.EscapeAsked, detail: $"ask {_escapeAsks}, mode {escape.Mode.ToString().ToLowerInvariant()}");
        switch (escape.Mode)
        {
            case EscapeMode.Immediate:
            case EscapeMode.Confirm when _escapeAsks > 1:
                Perform(escape.Target, "asked for a human");
                break;
            case EscapeMode.Confirm:
                Speak(escape.Deflect);
                Listen(node);
                break;
            default:
                Speak(escape.DisabledMessage);
                Listen(node);
                break;
        }
    }

    private void AskWhichOne(ImmutableArray<InputChoice> choices)
    {
        var labels = choices.Select(c => c.IsEscape ? FirstPhrase(CurrentNode.Escape.Phrases) : c.Option!.Label(Locale)).ToArray();
        var joined = string.Join(OrWord(), labels);
        Record(CallEventType.Ambiguous, detail: joined);
        Speak(_menu.Messages.Ambiguous, ("choices", joined));
        WaitForCaller(CurrentNode);
    }

    private string FirstPhrase(LocalizedPhrases phrases)
    {
        var list = phrases.For(Locale);
        return list.IsEmpty ? "?" : list[0];
    }

    private string OrWord() => Locales.LocaleGrammars.For(Locale).Or;

    private static bool IsPhoneKey(char key) => char.IsAsciiDigit(key) || key is '*' or '#';
}
