#!/usr/bin/env python3
"""Writes menus/carrier-support.flows/generated/: one .flow file per node of the bundled menu,
with a flow per option by key, a flow per option by phrase (en-US and ru-RU), a flow for the
escape, and flows for silence, an invalid entry and retries running out, so every row of
`ivr test menus/ --coverage` is at 100 %. Options that book a callback
("callback": QUEUE) need a callback store, which needs the simulated agents: their flows go to
callbacks.flow, which books each one. Re-run after changing the menu, then read the diff: a
changed expectation is a changed route. Hand-written scenarios live next to it."""
import json, os, re, shutil
from collections import deque

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MENU = os.path.join(ROOT, "menus", "carrier-support.json")
OUT = os.path.join(ROOT, "menus", "carrier-support.flows", "generated")
LOCALES = ["en-US", "ru-RU"]
# Values each collector accepts (they must pass minLength and pattern).
COLLECTOR_INPUT = {"track-order": "1234567#", "port-in": "2025550143#"}
ESCAPE_PHRASE = {"en-US": "operator", "ru-RU": "оператор"}
# Entries each collector refuses (too short, or against its pattern).
COLLECTOR_INVALID = {"track-order": "12#", "port-in": "1111111111#"}
# The built-in wording (SystemMessages.Default), unless the menu or the node has its own.
NO_INPUT = {"en-US": "Sorry, I didn't hear anything.", "ru-RU": "Извините, я вас не услышал."}
INVALID = {"en-US": "Sorry, that's not one of the choices.", "ru-RU": "Извините, такого варианта нет."}
INVALID_NUMBER = {"en-US": "Sorry, that number doesn't look right.", "ru-RU": "Извините, номер введён неверно."}
# Callback options are booked on Monday at 14:10 Eastern, when every queue is open: the first time
# offered is 2:30 PM, and the caller ID is read back and confirmed.
CALLBACK_AT = "Monday 14:10 America/New_York"
CALLBACK_CALLER_ID = "+12025550143"
# The built-in wording of the offer (messages.callbackSlotsOnRequest), unless the menu has its own.
CALLBACK_OFFER = {"en-US": "We can call you back at a time that suits you", "ru-RU": "Мы можем перезвонить вам в удобное время"}


def strip_jsonc(s):
    out, i, in_string = [], 0, False
    while i < len(s):
        c = s[i]
        if in_string:
            out.append(c)
            if c == "\\":
                out.append(s[i + 1]); i += 2; continue
            if c == '"':
                in_string = False
        elif c == '"':
            in_string = True; out.append(c)
        elif s.startswith("//", i):
            while i < len(s) and s[i] != "\n":
                i += 1
            continue
        elif s.startswith("/*", i):
            i = s.index("*/", i) + 2; continue
        else:
            out.append(c)
        i += 1
    return re.sub(r",(\s*[}\]])", r"\1", "".join(out))


menu = json.loads(strip_jsonc(open(MENU, encoding="utf-8").read()))
nodes = menu["nodes"]


def kind(node):
    return "collect" if "collect" in node else "menu" if "options" in node else "announcement"


def first_sentence(text):
    text = re.sub(r"\{[^}]*\}.*", "", text)  # stop before placeholders (reference numbers, variables)
    m = re.match(r"(.{12,}?[.!?])(\s|$)", text)
    sentence = m.group(1) if m else text[:60]
    return sentence.strip().replace("\\", "\\\\").replace('"', '\\"')


def edges(node_id):
    """(steps, target) pairs: how a caller at node_id moves forward."""
    node = nodes[node_id]
    k = kind(node)
    if k == "collect":
        yield [f"press {COLLECTOR_INPUT[node_id]}"], node["collect"]["next"].get("goto")
    elif k == "announcement":
        yield [], node["next"].get("goto")
    else:
        for o in node["options"]:
            if "goto" not in o:
                continue
            if "key" in o:
                yield [f"press {o['key']}"], o["goto"]
            else:
                yield [f"[{l}] say {o['say'][l][0]}" for l in LOCALES], o["goto"]


# Shortest routes from the start node, preferring keys (edges come key-first per option).
route = {menu["start"]: ([], [menu["start"]])}
queue = deque([menu["start"]])
while queue:
    at = queue.popleft()
    for steps, target in edges(at):
        if target and target not in route:
            route[target] = (route[at][0] + steps, route[at][1] + [target])
            queue.append(target)

shutil.rmtree(OUT, ignore_errors=True)
os.makedirs(os.path.join(OUT, "steps"))
for node_id, (steps, path) in route.items():
    if node_id == menu["start"]:
        continue
    with open(os.path.join(OUT, "steps", f"reach-{node_id}.steps"), "w", encoding="utf-8") as f:
        f.write(f"# From the start of the call to node '{node_id}' ({' > '.join(path)}).\n")
        for step in steps:
            f.write(step + "\n")
        f.write(f"expect node {node_id}\n")


def expectations(node_id, option):
    if "goto" in option:
        target = nodes[option["goto"]]
        # An announcement says its prompt and moves on by itself: the caller ends up where it leads.
        lands = option["goto"]
        if kind(target) == "announcement":
            lands = node_id if target["next"].get("do") == "back" else target["next"]["goto"]
        lines = [f"expect node {lands}"]
        lines += [f"[{l}] expect prompt \"{first_sentence(target['prompt'][l])}\"" for l in LOCALES]
        if kind(target) == "collect":
            lines.append("expect state collecting-digits")
        return lines
    if "queue" in option:
        return [f"expect queued {option['queue']}", "expect reference"]
    if "callback" in option:
        raise ValueError(f"callback options of node {node_id} belong in callbacks.flow")
    if "hangup" in option:
        lines = ["expect outcome self-service"]
        if "{reference" in option["hangup"]["en-US"]:
            lines.append("expect reference")
        return lines
    do = option["do"]
    if do == "repeat":
        return [f"expect node {node_id}", "expect state in-menu"] + [f"[{l}] expect prompt \"{first_sentence(nodes[node_id]['prompt'][l])}\"" for l in LOCALES]
    if do == "mainMenu":
        return [f"expect node {menu['start']}"]
    if do == "back":
        path = route[node_id][1]
        return [f"expect node {path[-2] if len(path) > 1 else menu['start']}"]
    raise ValueError(do)


def escape_target(node):
    to = node.get("escape", {}).get("to") or menu["defaults"]["escape"]["to"]
    return to["queue"]


def unused_key(node):
    """A key that is no option of the node, no escape key and starts no longer key: an invalid input."""
    keys = [o["key"] for o in node.get("options", []) if "key" in o]
    escape = node.get("escape", {}).get("keys", menu["defaults"]["escape"].get("keys", []))
    return next(k for k in "987654321*" if not any(key.startswith(k) for key in keys) and k not in escape)


def message(node, name, default):
    return node.get(name, {}).get("message") or menu.get("messages", {}).get(name) or default


def silence_and_mistakes(node_id, node, reach):
    """Silence once (the reprompt), one invalid entry, and silence until the retries run out."""
    state = "collecting-digits" if kind(node) == "collect" else "in-menu"
    heard = lambda text: [f"[{l}] expect prompt \"{first_sentence(text[l])}\"" for l in LOCALES]
    if kind(node) == "collect":
        invalid = f"press {COLLECTOR_INVALID[node_id]}"
        invalid_message = message(node, "invalid", INVALID_NUMBER)
    else:
        invalid = f"press {unused_key(node)}"
        invalid_message = message(node, "invalid", INVALID)
    retries = node.get("noInput", {}).get("retries", menu["defaults"]["noInput"]["retries"])
    exhausted = (node.get("onRetriesExhausted") or menu["defaults"]["onRetriesExhausted"])["queue"]
    return [
        "flow: silence gets the reprompt", *reach, "wait", f"expect node {node_id}", f"expect state {state}", *heard(message(node, "noInput", NO_INPUT)), "",
        "flow: an invalid entry is refused", *reach, invalid, f"expect node {node_id}", f"expect state {state}", *heard(invalid_message), "",
        "flow: silence until the retries run out reaches a person", *reach, *["wait"] * (retries + 1), f"expect queued {exhausted}", "expect reference", "",
    ]


for node_id, node in nodes.items():
    if kind(node) == "announcement" or node_id not in route:
        continue
    reach = [] if node_id == menu["start"] else [f"include: steps/reach-{node_id}.steps"]
    out = [
        f"# Generated by eng/generate-bundled-flows.py from the menu: every option of node '{node_id}'",
        "# by key and by phrase, its escape, silence, an invalid entry and retries running out.",
        "# Regenerate after changing the menu and review the diff.",
        "menu: ../../carrier-support.json",
        "locale: en-US, ru-RU",
        "at: Monday 09:15 America/New_York",
        "seed: 7",
        "# Routes only: a transfer ends the call here. queues.flow calls the simulated agents.",
        "staffing: none",
        "",
    ]
    for option in node.get("options", []):
        if "callback" in option:
            continue  # booked in callbacks.flow, with agents and a callback store
        label = option.get("say", {}).get("en-US", [None])[0] or f"key {option.get('key')}"
        if "key" in option:
            out += [f"flow: key {option['key']} ({label})", *reach, f"press {option['key']}", *expectations(node_id, option), ""]
        if "say" in option:
            says = [f"[{l}] say {option['say'][l][0]}" for l in LOCALES if option["say"].get(l)]
            out += [f"flow: say '{label}'", *reach, *says, *expectations(node_id, option), ""]
    mode = node.get("escape", {}).get("mode", menu["defaults"]["escape"].get("mode", "immediate"))
    asks = 2 if mode == "confirm" else 1
    if kind(node) == "collect":
        # In a collector keys are digits: only escape phrases ask for a person.
        ask = [f"[{l}] say {ESCAPE_PHRASE[l]}" for l in LOCALES] * asks
    else:
        ask = ["press " + "0" * asks]
    out += ["flow: escape to a person", *reach, *ask, f"expect queued {escape_target(node)}", "expect reference", ""]
    out += silence_and_mistakes(node_id, node, reach)
    if "expect queued sales" in out:
        # The sales queue keeps the shopping hours (Mon-Sat 10:00-20:00 ET): call once it is open.
        out[out.index("at: Monday 09:15 America/New_York")] = "at: Monday 10:15 America/New_York"
    with open(os.path.join(OUT, f"{node_id}.flow"), "w", encoding="utf-8") as f:
        f.write("\n".join(out).rstrip() + "\n")

offer = menu.get("messages", {}).get("callbackSlotsOnRequest", CALLBACK_OFFER)
callbacks = [
    "# Generated by eng/generate-bundled-flows.py from the menu: every option that books a callback,",
    "# by key and by phrase, booked for the first time offered at the caller ID. Regenerate after changing",
    "# the menu and review the diff. With the bundled staffing beside the menu, so the line keeps callbacks.",
    "menu: ../../carrier-support.json",
    "locale: en-US, ru-RU",
    f"at: {CALLBACK_AT}",
    "seed: 7",
    f"caller-id: {CALLBACK_CALLER_ID}",
    "",
]
for node_id, node in nodes.items():
    if node_id not in route:
        continue
    reach = [] if node_id == menu["start"] else [f"include: steps/reach-{node_id}.steps"]
    for option in node.get("options", []):
        if "callback" not in option:
            continue
        label = option.get("say", {}).get("en-US", [None])[0] or f"key {option.get('key')}"
        book = ["expect state offering-callback", *[f"[{l}] expect prompt \"{first_sentence(offer[l]).rstrip(':')}\"" for l in LOCALES],
                "press 1", "press 1", "expect callback at today 2:30 PM", f"expect outcome callback {option['callback']}", "expect reference"]
        if "key" in option:
            callbacks += [f"flow: {node_id}: key {option['key']} ({label})", *reach, f"press {option['key']}", *book, ""]
        if "say" in option:
            says = [f"[{l}] say {option['say'][l][0]}" for l in LOCALES if option["say"].get(l)]
            callbacks += [f"flow: {node_id}: say '{label}'", *reach, *says, *book, ""]
if len(callbacks) > 9:
    with open(os.path.join(OUT, "callbacks.flow"), "w", encoding="utf-8") as f:
        f.write("\n".join(callbacks).rstrip() + "\n")
print(f"wrote {len(os.listdir(OUT)) - 1} flow files and {len(os.listdir(os.path.join(OUT, 'steps')))} steps files to {OUT}")
