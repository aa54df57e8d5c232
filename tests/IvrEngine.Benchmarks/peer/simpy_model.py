#!/usr/bin/env python3
"""A SimPy model of an IvrEngine load scenario: the peer that `ivr simulate` is measured against.

It reads a scenario file (two-level.scenario.json) and the menu it names, and simulates the same
line in virtual time with SimPy 3 (Debian's python3-simpy3):

* Poisson arrivals whose rate is constant within each interval of the week;
* the menu: each menu prompt costs the caller ``thinkSeconds`` before they press a key, chosen by
  the scenario's ``choices`` weights (a share ``escapeAtOnce`` presses the escape key at the first
  prompt); prompts themselves take no time, as in the engine's virtual-time pacing;
* one FIFO queue served by the agents logged in for the interval (an agent leaving at an interval
  boundary finishes their call and wrap-up first), with the scenario's handle-time distribution
  and wrap-up;
* exponential patience: a caller still waiting when it runs out abandons;
* virtual hold: on joining and at every announcement the caller's expected wait (the engine's
  estimator, ``expected_wait`` below) is compared with the queue's ``offerWhenWaitOverSeconds``;
  a caller offered a callback takes it with probability ``acceptCallback``, hangs up and keeps
  their place; when that place comes up the caller is called back and answers with probability
  ``answerCallback`` (else the callback fails).

Usage: simpy_model.py SCENARIO [--calls N] [--seed S] [--agent-answer-seconds A]

It stops taking calls after N arrivals (running as many weeks as that takes), lets the calls in
progress finish, prints the queue's figures, and ends with the line
``rate: N calls in S s = R calls/s`` where S is the wall time of the simulation loop alone.
"""

from __future__ import annotations

import argparse
import bisect
import collections
import datetime
import heapq
import json
import math
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

import simpy

# ---------------------------------------------------------------------------------------------
# Engine constants this model mirrors (src/IvrEngine, src/IvrEngine.Hosting).
# ---------------------------------------------------------------------------------------------

#: Finished calls the wait estimate needs before it trusts the average (ExpectedWaitEstimator).
MINIMUM_HISTORY = 3
#: A call past the average handle time is assumed to need a tenth of the average more.
OVERRUN_SHARE = 0.1
#: Recent handle times the average is taken over (LiveQueue).
RECENT_HANDLE_TIMES = 50
#: Abandons this short are left out of the service levels (QueueMetrics).
SHORT_ABANDON_SECONDS = 5.0
#: A callee who answers does so after min(8, RingSeconds / 2) s with the dialer's default 30 s ring.
CALLBACK_ANSWER_SECONDS = 8.0
#: A callee who does not answer lets it ring until the dialer's timeout (RingSeconds, default 30).
CALLBACK_NO_ANSWER_SECONDS = 30.0
#: The engine's defaults for a queue's settings that the menu may leave out (docs/queues.md).
DEFAULT_ANNOUNCE_SECONDS = 45.0
DEFAULT_SERVICE_LEVEL_SECONDS = 20.0
DEFAULT_ESCAPE_KEYS = ("0", "#")

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
FULL_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MINUTES_PER_WEEK = 7 * 24 * 60


class ScenarioError(Exception):
    """A scenario or menu this model cannot read or does not model."""


# ---------------------------------------------------------------------------------------------
# Reading files: JSON with // and /* */ comments and trailing commas, as the engine accepts.
# ---------------------------------------------------------------------------------------------


def _scan_string(text: str, start: int) -> int:
    """Index just past the JSON string literal that starts at ``start`` (a double quote)."""
    i = start + 1
    while i < len(text):
        if text[i] == "\\":
            i += 2
        elif text[i] == '"':
            return i + 1
        else:
            i += 1
    raise ScenarioError("unterminated string")


def strip_json_comments(text: str) -> str:
    """The text without // and /* */ comments and without commas that close a list or object."""
    kept = []
    i = 0
    while i < len(text):
        c = text[i]
        if c == '"':
            end = _scan_string(text, i)
            kept.append(text[i:end])
            i = end
        elif text.startswith("//", i):
            newline = text.find("\n", i)
            i = len(text) if newline < 0 else newline
        elif text.startswith("/*", i):
            close = text.find("*/", i + 2)
            if close < 0:
                raise ScenarioError("unterminated /* comment")
            i = close + 2
        else:
            kept.append(c)
            i += 1
    plain = "".join(kept)

    out = []
    i = 0
    while i < len(plain):
        c = plain[i]
        if c == '"':
            end = _scan_string(plain, i)
            out.append(plain[i:end])
            i = end
            continue
        if c == ",":
            j = i + 1
            while j < len(plain) and plain[j] in " \t\r\n":
                j += 1
            if j < len(plain) and plain[j] in "]}":
                i += 1
                continue
        out.append(c)
        i += 1
    return "".join(out)


def load_json(path: Path) -> dict:
    """A JSON file that may have comments and trailing commas."""
    try:
        return json.loads(strip_json_comments(path.read_text(encoding="utf-8-sig")))
    except (OSError, ValueError, ScenarioError) as error:
        raise ScenarioError(f"{path}: {error}") from error


def _check_keys(obj: dict, allowed: set, where: str) -> None:
    """Refuses properties this model does not know (a typo would otherwise be silently ignored)."""
    unknown = sorted(set(obj) - allowed)
    if unknown:
        raise ScenarioError(f"{where}: unknown or unsupported properties {unknown}")


def _number(obj: dict, key: str, where: str, low: float = 0.0, high: float = math.inf) -> float:
    """A required number within [low, high]."""
    value = obj.get(key)
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not low <= value <= high:
        raise ScenarioError(f"{where}.{key}: expected a number from {low} to {high}, got {value!r}")
    return float(value)


# ---------------------------------------------------------------------------------------------
# Weekly tables: rows of days and times, later rows overriding earlier ones, per interval.
# ---------------------------------------------------------------------------------------------


def parse_days(text: str) -> list[int]:
    """Weekday indexes (Monday 0) of "Mon-Fri", "Sat,Sun", "Mon", "Fri-Mon" (wraps) or "daily"."""
    def day(name: str) -> int:
        name = name.strip().lower()
        if name in DAY_NAMES:
            return DAY_NAMES.index(name)
        if name in FULL_DAY_NAMES:
            return FULL_DAY_NAMES.index(name)
        raise ScenarioError(f"unknown day {name!r} in {text!r}")

    if text.strip().lower() == "daily":
        return list(range(7))
    days: list[int] = []
    for item in text.split(","):
        if "-" in item:
            first, last = (day(part) for part in item.split("-", 1))
            span = (last - first) % 7
            days.extend((first + k) % 7 for k in range(span + 1))
        else:
            days.append(day(item))
    return sorted(set(days))


def parse_clock(text: str, *, end: bool) -> int:
    """Minutes after midnight of "HH:MM"; "24:00" only as an end."""
    try:
        hours, minutes = (int(part) for part in text.split(":"))
    except (AttributeError, ValueError) as error:
        raise ScenarioError(f"bad time {text!r}; expected HH:MM") from error
    if not (0 <= minutes < 60 and (0 <= hours < 24 or (end and hours == 24 and minutes == 0))):
        raise ScenarioError(f"time {text!r} does not exist (24:00 only as an end)")
    return hours * 60 + minutes


def weekly_table(rows: list, value_key: str, interval_minutes: int, where: str, *, whole: bool) -> list[float]:
    """One value per interval of the week (Monday 00:00 first) from rows of days, from, to and a value.

    An interval takes the value of the last row whose range contains its start; an end at or
    before the start runs past midnight into the next day; intervals no row covers are 0.
    """
    slots = MINUTES_PER_WEEK // interval_minutes
    table = [0.0] * slots
    for n, row in enumerate(rows):
        at = f"{where}[{n}]"
        if not isinstance(row, dict):
            raise ScenarioError(f"{at}: expected an object")
        _check_keys(row, {"days", "from", "to", value_key}, at)
        value = _number(row, value_key, at)
        if whole and value != int(value):
            raise ScenarioError(f"{at}.{value_key}: expected a whole number")
        start = parse_clock(row.get("from"), end=False)
        stop = parse_clock(row.get("to"), end=True)
        if stop <= start:
            stop += 24 * 60
        for weekday in parse_days(row.get("days", "")):
            first = weekday * 24 * 60 + start
            last = weekday * 24 * 60 + stop
            for slot in range(-(-first // interval_minutes), -(-last // interval_minutes)):
                table[slot % slots] = value
    return table


# ---------------------------------------------------------------------------------------------
# The menu as the callers walk it.
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Action:
    """Where a choice leads: ``goto`` a node, ``queue`` a queue, or ``hangup``."""

    kind: str
    target: Optional[str] = None


@dataclass
class MenuNode:
    """A menu node's choices with cumulative weights, or an announcement's ``next`` action."""

    actions: list[Action]
    cumulative: list[float]
    then: Optional[Action] = None

    def choose(self, rng: random.Random) -> Action:
        """One choice, weighted."""
        if self.then is not None:
            return self.then
        return self.actions[bisect.bisect_right(self.cumulative, rng.random() * self.cumulative[-1])]


@dataclass
class Menu:
    """The callers' view of a menu: nodes, the start, the escape at the start, and the queues."""

    start: str
    nodes: dict[str, MenuNode]
    start_escape: Action
    queues: dict[str, dict]


def _action(obj: dict, where: str) -> Optional[Action]:
    """The goto/queue/hangup action of an option or action object; None for ``do`` actions."""
    for kind in ("goto", "queue", "hangup"):
        if kind in obj:
            return Action(kind, obj[kind] if kind != "hangup" else None)
    if "do" in obj:
        return None
    raise ScenarioError(f"{where}: no action")


def load_menu(path: Path, choices: dict) -> Menu:
    """The menu at ``path`` with the scenario's choice weights per node."""
    raw = load_json(path)
    defaults = raw.get("defaults", {})
    default_escape = defaults.get("escape", {})
    nodes: dict[str, MenuNode] = {}
    for node_id, node in raw["nodes"].items():
        where = f"{path.name}: node {node_id}"
        if "collect" in node:
            raise ScenarioError(f"{where}: digit collectors are not modelled")
        if "next" in node:
            nodes[node_id] = MenuNode([], [], then=_action(node["next"], where))
            continue
        escape = {**default_escape, **node.get("escape", {})}
        by_key: dict[str, Action] = {}
        for option in node["options"]:
            action = _action(option, where)
            if "key" in option and action is not None:
                by_key[option["key"]] = action
        if escape.get("mode", "immediate") != "disabled" and "to" in escape:
            for key in escape.get("keys", DEFAULT_ESCAPE_KEYS):
                by_key.setdefault(key, _action(escape["to"], where))
        weights = choices.get(node_id)
        if weights is None:
            # Nodes the scenario does not list: their options (not the escape) equally likely.
            option_keys = [o["key"] for o in node["options"] if "key" in o and _action(o, where) is not None]
            weights = {key: 1.0 for key in option_keys}
        actions, cumulative, total = [], [], 0.0
        for key, weight in weights.items():
            if key not in by_key:
                raise ScenarioError(f"callers.choices.{node_id}: no option or escape with key {key!r}")
            if not isinstance(weight, (int, float)) or weight < 0:
                raise ScenarioError(f"callers.choices.{node_id}.{key}: expected a weight of 0 or more")
            total += weight
            actions.append(by_key[key])
            cumulative.append(total)
        if total <= 0:
            raise ScenarioError(f"{where}: no choice has any weight")
        nodes[node_id] = MenuNode(actions, cumulative)

    start = raw["start"]
    escape = {**default_escape, **raw["nodes"][start].get("escape", {})}
    if escape.get("mode", "immediate") != "immediate" or "to" not in escape:
        raise ScenarioError(f"{path.name}: escapeAtOnce needs an immediate escape at the start node")
    for node_id in choices:
        if node_id not in nodes:
            raise ScenarioError(f"callers.choices: no node {node_id!r} in {path.name}")
    return Menu(start, nodes, _action(escape["to"], start), raw.get("queues", {}))


# ---------------------------------------------------------------------------------------------
# The scenario.
# ---------------------------------------------------------------------------------------------


def handle_time_sampler(spec: dict, where: str) -> Callable[[random.Random], float]:
    """Talk time in seconds, as the engine's HandleTime.Sample draws it (never under a second)."""
    _check_keys(spec, {"distribution", "meanSeconds", "sdSeconds"}, where)
    kind = spec.get("distribution")
    mean = _number(spec, "meanSeconds", where, low=1e-9)
    if kind == "fixed":
        return lambda rng: max(1.0, mean)
    if kind == "exponential":
        rate = 1.0 / mean
        return lambda rng: max(1.0, rng.expovariate(rate))
    if kind == "lognormal":
        sd = _number(spec, "sdSeconds", where)
        # Mean and standard deviation of the talk time itself, not of its logarithm.
        variance = math.log(1 + sd * sd / (mean * mean))
        mu, sigma = math.log(mean) - variance / 2, math.sqrt(variance)
        return lambda rng: max(1.0, rng.lognormvariate(mu, sigma))
    raise ScenarioError(f"{where}.distribution: expected fixed, exponential or lognormal, got {kind!r}")


@dataclass
class Scenario:
    """Everything the simulation needs, read from the scenario file and its menu."""

    path: Path
    week_of: datetime.date
    interval_seconds: float
    arrivals_per_second: list[float]
    agents: list[int]
    escape_at_once: float
    think_seconds: float
    mean_patience: float
    accept_callback: float
    answer_callback: float
    menu: Menu
    queue_id: str
    talk_time: Callable[[random.Random], float]
    wrap_up_seconds: float
    announce_seconds: float
    callback_threshold: Optional[float]
    service_level_seconds: float

    @property
    def slots(self) -> int:
        """Intervals in a week."""
        return len(self.agents)


def load_scenario(path: Path) -> Scenario:
    """Reads and checks a scenario file and the menu it names."""
    raw = load_json(path)
    _check_keys(raw, {"$schema", "description", "menu", "weekOf", "intervalMinutes", "arrivals", "callers", "queues"}, path.name)
    try:
        week_of = datetime.date.fromisoformat(raw["weekOf"])
    except (KeyError, TypeError, ValueError) as error:
        raise ScenarioError(f"{path.name}.weekOf: expected a date like 2026-11-30") from error
    if week_of.weekday() != 0:
        raise ScenarioError(f"{path.name}.weekOf: {week_of} is not a Monday")
    interval = raw.get("intervalMinutes")
    if interval not in (15, 30, 60):
        raise ScenarioError(f"{path.name}.intervalMinutes: expected 15, 30 or 60")

    callers = raw.get("callers", {})
    _check_keys(callers, {"escapeAtOnce", "thinkSeconds", "choices", "patience", "acceptCallback", "answerCallback"}, "callers")
    patience = callers.get("patience", {})
    _check_keys(patience, {"distribution", "meanSeconds"}, "callers.patience")
    if patience.get("distribution") != "exponential":
        raise ScenarioError("callers.patience.distribution: only exponential is modelled")

    queues = raw.get("queues", {})
    if len(queues) != 1:
        raise ScenarioError(f"{path.name}.queues: this model has exactly one queue, found {len(queues)}")
    (queue_id, queue), = queues.items()
    where = f"queues.{queue_id}"
    _check_keys(queue, {"handleTime", "wrapUpSeconds", "agents"}, where)

    menu = load_menu(path.parent / raw["menu"], callers.get("choices", {}))
    definition = menu.queues.get(queue_id)
    if definition is None:
        raise ScenarioError(f"{where}: the menu declares no queue {queue_id!r}")
    unmodelled = {"maxLength", "maxWaitSeconds", "overflow", "leaveWhenEmpty", "whenNoAgents"} & set(definition)
    if unmodelled:
        raise ScenarioError(f"menu queue {queue_id}: {sorted(unmodelled)} are not modelled")
    for node_id, node in menu.nodes.items():
        for action in node.actions + [node.then, menu.start_escape]:
            if action is not None and action.kind == "queue" and action.target != queue_id:
                raise ScenarioError(f"menu node {node_id}: leads to queue {action.target!r}; only {queue_id!r} is modelled")

    return Scenario(
        path=path,
        week_of=week_of,
        interval_seconds=interval * 60.0,
        arrivals_per_second=[r / 3600.0 for r in weekly_table(raw.get("arrivals", []), "callsPerHour", interval, "arrivals", whole=False)],
        agents=[int(n) for n in weekly_table(queue.get("agents", []), "agents", interval, f"{where}.agents", whole=True)],
        escape_at_once=_number(callers, "escapeAtOnce", "callers", high=1.0),
        think_seconds=_number(callers, "thinkSeconds", "callers"),
        mean_patience=_number(patience, "meanSeconds", "callers.patience", low=1e-9),
        accept_callback=_number(callers, "acceptCallback", "callers", high=1.0),
        answer_callback=_number(callers, "answerCallback", "callers", high=1.0),
        menu=menu,
        queue_id=queue_id,
        talk_time=handle_time_sampler(queue.get("handleTime", {}), f"{where}.handleTime"),
        wrap_up_seconds=_number(queue, "wrapUpSeconds", where),
        announce_seconds=float(definition.get("announce", {}).get("everySeconds", DEFAULT_ANNOUNCE_SECONDS)),
        callback_threshold=definition.get("callback", {}).get("offerWhenWaitOverSeconds"),
        service_level_seconds=float(definition.get("serviceLevelSeconds", DEFAULT_SERVICE_LEVEL_SECONDS)),
    )


# ---------------------------------------------------------------------------------------------
# The wait estimate (src/IvrEngine/Queues/ExpectedWaitEstimator.cs).
# ---------------------------------------------------------------------------------------------

AWAY, FREE, RINGING, ON_CALL, WRAP_UP = range(5)


def expected_wait(position: int, agents: list, average: Optional[float], now: float) -> Optional[float]:
    """The wait for the caller at ``position`` (1 = next), or None without enough history.

    Each logged-in agent's next free moment (now if free; the end of their wrap-up; when the call
    in progress should end given the average handle time, or a tenth of the average from now if
    it has run past that); the caller at position p takes the p-th agent to come free, each agent
    coming free again one average handle time later.
    """
    if average is None or position < 1:
        return None
    free_at = []
    for agent in agents:
        state = agent.state
        if state == AWAY:
            continue
        if state == FREE:
            free_at.append(now)
        elif state == WRAP_UP:
            free_at.append(max(now, agent.wrap_up_ends_at))
        else:
            # A ringing agent counts as starting a call now.
            started = now if state == RINGING else agent.call_started_at
            free_at.append(max(started + average, now + average * OVERRUN_SHARE))
    if not free_at:
        return None
    free_at.sort()
    if free_at[-1] - free_at[0] <= average:
        rounds, turn = divmod(position - 1, len(free_at))
        return free_at[turn] + average * rounds - now
    heapq.heapify(free_at)
    turn_at = now
    for _ in range(position):
        turn_at = free_at[0]
        heapq.heapreplace(free_at, turn_at + average)
    return turn_at - now


# ---------------------------------------------------------------------------------------------
# The call centre.
# ---------------------------------------------------------------------------------------------

# Virtual-hold steps of a waiting caller (CallbackStep).
NONE, OFFERED, CONFIRMING, DECLINED, BOOKED = range(5)


@dataclass(eq=False)
class Agent:
    """A simulated agent: state and the moments the wait estimate reads."""

    index: int
    state: int = AWAY
    logging_out: bool = False
    call_started_at: float = 0.0
    wrap_up_ends_at: float = 0.0


@dataclass(eq=False)
class Entry:
    """A place in the queue: a waiting caller, or a kept place (virtual hold) awaiting its callback."""

    joined_at: float
    connected: simpy.Event
    ahead: bool = False
    step: int = NONE
    kept: bool = False
    calling_back: bool = False
    place_up: Optional[simpy.Event] = None
    agent: Optional[Agent] = None


@dataclass
class QueueFigures:
    """Running totals under the engine's definitions (src/IvrEngine/Queues/QueueMetrics.cs)."""

    service_level: float
    offered: int = 0
    answered: int = 0
    answered_in_time: int = 0
    answer_waits: float = 0.0
    abandoned: int = 0
    short_abandons: int = 0
    abandoned_in_time: int = 0
    handled: int = 0
    handle_times: float = 0.0
    longest_wait: float = 0.0
    callbacks_offered: int = 0
    callbacks_accepted: int = 0
    callbacks_in_time: int = 0
    callbacks_completed: int = 0
    callbacks_failed: int = 0

    def waited(self, wait: float) -> None:
        """Notes a wait of a caller leaving the queue."""
        if wait > self.longest_wait:
            self.longest_wait = wait

    def answered_after(self, wait: float) -> None:
        """A caller reached an agent."""
        self.answered += 1
        if wait <= self.service_level:
            self.answered_in_time += 1
        self.answer_waits += wait
        self.waited(wait)

    def abandoned_after(self, wait: float) -> None:
        """A caller hung up while waiting."""
        self.abandoned += 1
        if wait < SHORT_ABANDON_SECONDS:
            self.short_abandons += 1
        elif wait <= self.service_level:
            self.abandoned_in_time += 1
        self.waited(wait)

    def callback_accepted_after(self, wait: float) -> None:
        """A caller left the line with a callback, keeping their place."""
        self.callbacks_accepted += 1
        if wait <= self.service_level:
            self.callbacks_in_time += 1
        self.waited(wait)


@dataclass
class Occupancy:
    """Agents' busy (on a call or wrapping up) and logged-in time, per interval of the week."""

    slots: int
    busy: list[float] = field(init=False)
    logged_in: list[float] = field(init=False)
    busy_now: int = 0
    logged_in_now: int = 0
    since: float = 0.0
    area_busy: float = 0.0
    area_logged_in: float = 0.0

    def __post_init__(self) -> None:
        self.busy = [0.0] * self.slots
        self.logged_in = [0.0] * self.slots

    def account(self, now: float) -> None:
        """Adds the time since the last change at the current counts."""
        span = now - self.since
        self.area_busy += self.busy_now * span
        self.area_logged_in += self.logged_in_now * span
        self.since = now

    def close_interval(self, now: float, slot: int) -> None:
        """Files the time accounted so far under interval ``slot`` of the week."""
        self.account(now)
        self.busy[slot] += self.area_busy
        self.logged_in[slot] += self.area_logged_in
        self.area_busy = self.area_logged_in = 0.0


class CallCentre:
    """One queue, its agents and its callers, on a SimPy environment."""

    def __init__(self, env: simpy.Environment, scenario: Scenario, rng: random.Random, answer_seconds: float):
        self.env = env
        self.scenario = scenario
        self.rng = rng
        self.answer_seconds = answer_seconds
        self.agents = [Agent(i) for i in range(max(scenario.agents))]
        self.free: collections.deque[Agent] = collections.deque()  # longest idle first
        self.waiting: collections.deque[Entry] = collections.deque()
        self.recent = collections.deque(maxlen=RECENT_HANDLE_TIMES)
        self.recent_sum = 0.0
        self.figures = QueueFigures(scenario.service_level_seconds)
        self.occupancy = Occupancy(scenario.slots)
        self.arrived = 0
        self.in_progress = 0
        self.arrivals_done = False
        self.done = env.event()
        self.escaped = 0
        self.self_service = 0

    # ----- agents ----------------------------------------------------------------------------

    def staff(self, logged_in: int) -> None:
        """Agents 1..n logged in for the interval, the others away (after their call, if busy)."""
        for agent in self.agents:
            self.set_away(agent, agent.index >= logged_in)
        self.route()

    def set_away(self, agent: Agent, away: bool) -> None:
        """CallCenter.SetAway: a busy agent finishes the call and its wrap-up before leaving."""
        agent.logging_out = away and agent.state in (RINGING, ON_CALL, WRAP_UP)
        if agent.logging_out or away == (agent.state == AWAY):
            return
        self.occupancy.account(self.env.now)
        if away:
            agent.state = AWAY
            self.free.remove(agent)
            self.occupancy.logged_in_now -= 1
        else:
            agent.state = FREE
            self.free.append(agent)
            self.occupancy.logged_in_now += 1

    def average_handle_time(self) -> Optional[float]:
        """Mean talk plus wrap-up of the recent finished calls, or None with too few of them."""
        if len(self.recent) < MINIMUM_HISTORY:
            return None
        return self.recent_sum / len(self.recent)

    # ----- the queue -------------------------------------------------------------------------

    def join(self, entry: Entry) -> None:
        """A caller (or a callback leg, in its kept place) is in line; free agents take callers."""
        if not entry.ahead:
            self.figures.offered += 1
        self.waiting.append(entry)
        self.route()

    def route(self) -> None:
        """Free agents take callers first come first served; a kept place coming up is called back,
        and the callers behind it wait until the callee has answered or not."""
        free = self.free
        waiting = self.waiting
        i = 0
        while free and i < len(waiting):
            entry = waiting[i]
            if entry.kept:
                if not entry.calling_back:
                    entry.calling_back = True
                    entry.place_up.succeed()
                return
            if entry.agent is not None:
                i += 1  # an agent's phone is ringing for this caller
                continue
            agent = free.popleft()
            entry.agent = agent
            if self.answer_seconds > 0:
                agent.state = RINGING
                i += 1
            else:
                self.connect(entry)
            entry.connected.succeed()

    def connect(self, entry: Entry) -> None:
        """The caller talks to their agent."""
        now = self.env.now
        self.waiting.remove(entry)
        self.figures.answered_after(now - entry.joined_at)
        agent = entry.agent
        self.occupancy.account(now)
        self.occupancy.busy_now += 1
        agent.state = ON_CALL
        agent.call_started_at = now

    def position(self, entry: Entry) -> int:
        """The caller's place in line, kept places included (1 = next)."""
        return self.waiting.index(entry) + 1

    def announce(self, entry: Entry) -> bool:
        """An announcement: True when it offers a callback (expected wait over the threshold)."""
        threshold = self.scenario.callback_threshold
        if threshold is None or entry.ahead or entry.step != NONE:
            return False
        wait = expected_wait(self.position(entry), self.agents, self.average_handle_time(), self.env.now)
        if wait is None or wait <= threshold:
            return False
        entry.step = OFFERED
        self.figures.callbacks_offered += 1
        return True

    def abandon(self, entry: Entry) -> None:
        """The caller's patience ran out while waiting."""
        self.waiting.remove(entry)
        self.figures.abandoned_after(self.env.now - entry.joined_at)
        self.route()

    def book(self, entry: Entry) -> None:
        """The caller took the callback: their entry stays in line as a kept place."""
        self.figures.callback_accepted_after(self.env.now - entry.joined_at)
        entry.step = BOOKED
        entry.kept = True
        entry.place_up = self.env.event()
        self.route()

    def take_kept_place(self, entry: Entry) -> Entry:
        """The callee answered: a callback leg takes the kept place, ahead of everyone behind it."""
        leg = Entry(self.env.now, self.env.event(), ahead=True)
        self.waiting[self.waiting.index(entry)] = leg
        self.route()
        return leg

    def release_place(self, entry: Entry) -> None:
        """The callee did not answer: the kept place goes and the callers behind move up."""
        self.waiting.remove(entry)
        self.figures.callbacks_failed += 1
        self.route()

    def finish(self, agent: Agent, talk: float) -> None:
        """The talk ends: wrap-up starts, and talk plus wrap-up joins the recent handle times."""
        handled = talk + self.scenario.wrap_up_seconds
        if len(self.recent) == RECENT_HANDLE_TIMES:
            self.recent_sum -= self.recent[0]
        self.recent.append(handled)
        self.recent_sum += handled
        self.figures.handled += 1
        self.figures.handle_times += handled
        agent.state = WRAP_UP
        agent.wrap_up_ends_at = self.env.now + self.scenario.wrap_up_seconds

    def free_up(self, agent: Agent) -> None:
        """Wrap-up over: the agent takes the next caller, or leaves if logging out."""
        self.occupancy.account(self.env.now)
        self.occupancy.busy_now -= 1
        if agent.logging_out:
            agent.logging_out = False
            agent.state = AWAY
            self.occupancy.logged_in_now -= 1
            return
        agent.state = FREE
        self.free.append(agent)
        self.route()

    def call_ended(self) -> None:
        """One call fewer in progress; the run is over when the last one ends after the last arrival."""
        self.in_progress -= 1
        if self.arrivals_done and self.in_progress == 0:
            self.done.succeed()


# ---------------------------------------------------------------------------------------------
# Processes.
# ---------------------------------------------------------------------------------------------


def arrivals(env: simpy.Environment, centre: CallCentre, limit: int):
    """Poisson arrivals, the rate constant within each interval; stops after ``limit`` calls."""
    scenario = centre.scenario
    rng = centre.rng
    length = scenario.interval_seconds
    slot = 0
    while True:
        rate = scenario.arrivals_per_second[slot % scenario.slots]
        start = slot * length
        if rate > 0:
            # Exponential gaps are memoryless: restarting at each interval's start is exact.
            at = start + rng.expovariate(rate)
            while at < start + length:
                yield env.timeout(at - env.now)
                centre.arrived += 1
                centre.in_progress += 1
                env.process(caller(env, centre))
                if centre.arrived == limit:
                    centre.arrivals_done = True
                    return
                at += rng.expovariate(rate)
        slot += 1
        yield env.timeout(slot * length - env.now)


def staffing(env: simpy.Environment, centre: CallCentre):
    """Logs agents in and out at each interval boundary, filing the occupancy of the one ending."""
    scenario = centre.scenario
    slot = 0
    while True:
        if slot > 0:
            centre.occupancy.close_interval(env.now, (slot - 1) % scenario.slots)
        centre.staff(scenario.agents[slot % scenario.slots])
        slot += 1
        yield env.timeout(slot * scenario.interval_seconds - env.now)


def walk_menu(env: simpy.Environment, centre: CallCentre):
    """The caller's way through the menu; returns the action that ends it (a queue or a hang-up)."""
    scenario = centre.scenario
    menu = scenario.menu
    rng = centre.rng
    think = scenario.think_seconds
    if scenario.escape_at_once > 0 and rng.random() < scenario.escape_at_once:
        yield env.timeout(think)
        centre.escaped += 1
        action = menu.start_escape
    else:
        node = menu.nodes[menu.start]
        while True:
            if node.then is None:
                yield env.timeout(think)
            action = node.choose(rng)
            if action.kind != "goto":
                break
            node = menu.nodes[action.target]
    return action


def caller(env: simpy.Environment, centre: CallCentre):
    """One call: the menu, then the queue (waiting, abandoning, or leaving with a callback)."""
    action = yield from walk_menu(env, centre)
    if action.kind == "hangup":
        centre.self_service += 1
        centre.call_ended()
        return
    scenario = centre.scenario
    rng = centre.rng
    entry = Entry(env.now, env.event())
    centre.join(entry)
    if not entry.connected.triggered:
        outcome = yield from wait_in_line(env, centre, entry, env.now + rng.expovariate(1.0 / scenario.mean_patience))
        if outcome == "abandoned":
            centre.call_ended()
            return
        if outcome == "booked":
            yield from called_back(env, centre, entry)
            centre.call_ended()
            return
    yield from talk(env, centre, entry)
    centre.call_ended()


def wait_in_line(env: simpy.Environment, centre: CallCentre, entry: Entry, gives_up_at: float):
    """Waits for an agent; returns "connected", "abandoned" or "booked" (a callback taken).

    Announcements (on joining, then every announce interval) matter only until the caller has
    been offered a callback: one who declines ignores later offers, and one who accepts presses
    1 to the offer and 1 to the confirmation, thinking before each.
    """
    scenario = centre.scenario
    every = scenario.announce_seconds
    think = scenario.think_seconds
    next_announcement = env.now + every
    press_at = math.inf
    if centre.announce(entry):
        press_at = _answer_offer(centre, entry)
    while True:
        announcing = entry.step == NONE
        wake = min(gives_up_at, press_at, next_announcement if announcing else math.inf)
        yield entry.connected | env.timeout(wake - env.now)
        if entry.connected.triggered:
            return "connected"
        now = env.now
        if now >= gives_up_at:
            centre.abandon(entry)
            return "abandoned"
        if now >= press_at:
            if entry.step == OFFERED:
                entry.step = CONFIRMING
                press_at = now + think
            else:
                centre.book(entry)
                return "booked"
        if announcing and now >= next_announcement:
            next_announcement += every
            if centre.announce(entry):
                press_at = _answer_offer(centre, entry)


def _answer_offer(centre: CallCentre, entry: Entry) -> float:
    """The caller's one decision on a callback offer: when they press 1, or never (declined)."""
    if centre.rng.random() < centre.scenario.accept_callback:
        return centre.env.now + centre.scenario.think_seconds
    entry.step = DECLINED
    return math.inf


def called_back(env: simpy.Environment, centre: CallCentre, entry: Entry):
    """A kept place: when it comes up the caller is called; one who answers takes it and talks."""
    yield entry.place_up
    if centre.rng.random() < centre.scenario.answer_callback:
        yield env.timeout(CALLBACK_ANSWER_SECONDS)
        leg = centre.take_kept_place(entry)
        if not leg.connected.triggered:
            yield leg.connected
        yield from talk(env, centre, leg)
        centre.figures.callbacks_completed += 1
    else:
        yield env.timeout(CALLBACK_NO_ANSWER_SECONDS)
        centre.release_place(entry)


def talk(env: simpy.Environment, centre: CallCentre, entry: Entry):
    """An agent has the caller: ring (if agents take time to answer), talk, wrap up."""
    agent = entry.agent
    if agent.state == RINGING:
        yield env.timeout(centre.answer_seconds)
        centre.connect(entry)
    duration = centre.scenario.talk_time(centre.rng)
    yield env.timeout(duration)
    centre.finish(agent, duration)
    yield env.timeout(centre.scenario.wrap_up_seconds)
    centre.free_up(agent)


# ---------------------------------------------------------------------------------------------
# Running and reporting.
# ---------------------------------------------------------------------------------------------


def simulate(scenario: Scenario, calls: int, seed: int, answer_seconds: float) -> tuple[CallCentre, float]:
    """Runs until ``calls`` callers have arrived and every call has ended; returns the centre and
    the wall time of the simulation loop in seconds."""
    started = time.perf_counter()
    env = simpy.Environment()
    centre = CallCentre(env, scenario, random.Random(seed), answer_seconds)
    env.process(staffing(env, centre))
    env.process(arrivals(env, centre, calls))
    env.run(until=centre.done)
    elapsed = time.perf_counter() - started
    centre.occupancy.close_interval(env.now, int(env.now // scenario.interval_seconds) % scenario.slots)
    return centre, elapsed


def _share(part: float, whole: float) -> str:
    return "-" if whole == 0 else f"{part / whole:.3f}"


def _seconds(value: Optional[float]) -> str:
    return "-" if value is None else f"{value:.1f} s"


def report(scenario: Scenario, centre: CallCentre, seed: int, elapsed: float, virtual_seconds: float) -> list[str]:
    """The figures, one "name: value" per line, then the rate line."""
    f = centre.figures
    counted_abandons = f.abandoned - f.short_abandons
    removed = f.answered + counted_abandons + f.callbacks_accepted
    occupancy = centre.occupancy
    top = max(scenario.arrivals_per_second)
    peaks = [s for s, rate in enumerate(scenario.arrivals_per_second) if rate >= 0.8 * top]
    peak_busy = sum(occupancy.busy[s] for s in peaks)
    peak_logged_in = sum(occupancy.logged_in[s] for s in peaks)
    weeks = virtual_seconds / (7 * 86400)
    return [
        f"scenario: {scenario.path.name} (seed {seed}, SimPy {simpy.__version__})",
        f"virtual time: {weeks:.2f} weeks from {scenario.week_of}",
        f"calls: {centre.arrived}",
        f"escaped at once: {centre.escaped} ({_share(centre.escaped, centre.arrived)})",
        f"self-service: {centre.self_service}",
        f"queue: {scenario.queue_id}",
        f"offered: {f.offered}",
        f"answered: {f.answered} (callback legs {f.callbacks_completed})",
        f"abandoned: {f.abandoned} ({_share(f.abandoned, f.offered)} of offered; within 5 s {f.short_abandons})",
        f"service level of answered ({scenario.service_level_seconds:g} s): {_share(f.answered_in_time, f.answered)}",
        f"service level of answered+abandoned: {_share(f.answered_in_time + f.abandoned_in_time, f.answered + counted_abandons)}",
        f"service level of removed: {_share(f.answered_in_time + f.abandoned_in_time + f.callbacks_in_time, removed)}",
        f"ASA: {_seconds(f.answer_waits / f.answered if f.answered else None)}",
        f"AHT: {_seconds(f.handle_times / f.handled if f.handled else None)}",
        f"longest wait: {_seconds(f.longest_wait)}",
        f"occupancy: {_share(sum(occupancy.busy), sum(occupancy.logged_in))}",
        f"occupancy at peaks: {_share(peak_busy, peak_logged_in)} (intervals at >= 80% of the top arrival rate)",
        f"callbacks offered: {f.callbacks_offered}",
        f"callbacks accepted: {f.callbacks_accepted} ({_share(f.callbacks_accepted, f.callbacks_offered)} of offered)",
        f"callbacks completed: {f.callbacks_completed} ({_share(f.callbacks_completed, f.callbacks_accepted)} of accepted)",
        f"callbacks failed: {f.callbacks_failed}",
        f"rate: {centre.arrived} calls in {elapsed:.3f} s = {centre.arrived / elapsed:.0f} calls/s",
    ]


def main(argv: Optional[list[str]] = None) -> int:
    """Command line: simpy_model.py SCENARIO [--calls N] [--seed S]."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scenario", type=Path, help="the scenario file (two-level.scenario.json)")
    parser.add_argument("--calls", type=int, default=200_000, help="arrivals to simulate (default 200000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--agent-answer-seconds", type=float, default=0.0,
                        help="how long an agent's phone rings before they pick up (the scenario does not say; default 0)")
    args = parser.parse_args(argv)
    if args.calls < 1:
        parser.error("--calls must be at least 1")
    try:
        scenario = load_scenario(args.scenario)
    except ScenarioError as error:
        print(f"simpy_model: {error}", file=sys.stderr)
        return 2
    except KeyError as error:
        print(f"simpy_model: {args.scenario}: a required property is missing: {error}", file=sys.stderr)
        return 2
    centre, elapsed = simulate(scenario, args.calls, args.seed, args.agent_answer_seconds)
    print("\n".join(report(scenario, centre, args.seed, elapsed, centre.env.now)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
