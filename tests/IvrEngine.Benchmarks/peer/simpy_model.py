#!/usr/bin/env python3
"""A SimPy model of an IvrEngine load scenario: the peer that `ivr simulate` is measured against.

It reads a scenario file (two-level.scenario.json) and the menu it names, and simulates the same
line in virtual time with SimPy 3 (Debian's python3-simpy3), week by week as `ivr simulate` does:
each week starts from an empty line on Monday 00:00 with its own random streams, takes its
arrivals, and runs on after the last one until every call and promised callback is settled.

* Arrivals: Poisson, the rate constant within each interval of the week.
* Menu: each menu prompt costs the caller ``thinkSeconds`` before they press a key, chosen by the
  scenario's ``choices`` weights; a share ``escapeAtOnce`` presses the escape key at the first
  prompt. Prompts themselves take no time, as in the engine's virtual-time pacing.
* Queue: first come, first served, served by the agents logged in for the interval (an agent
  leaving at a boundary finishes their call and wrap-up first), with the scenario's handle time
  and wrap-up. Exponential patience: a caller still waiting when it runs out abandons.
* Virtual hold: on joining and at every announcement the caller's expected wait (the engine's
  estimator, ``expected_wait`` below) is compared with the queue's ``offerWhenWaitOverSeconds``;
  a caller offered a callback takes it with probability ``acceptCallback`` (pressing 1, then 1 to
  confirm), hangs up and keeps their place. When that place comes up the line calls back, as the
  engine's callback dialer does: inside the calling window only, up to three attempts, each
  answered with probability ``answerCallback``.

Usage: simpy_model.py SCENARIO [--calls N] [--seed S] [--processes P] [--json FILE]

It stops taking calls after N arrivals (running as many weeks as that takes), prints the queue's
figures under the definitions `ivr simulate` reports, and ends with the line
``rate: N calls in S s = R calls/s``, S being the wall time of the simulation alone (planning the
weeks, simulating them, adding them up), not Python's start-up or reading the files.
"""

from __future__ import annotations

import argparse
import bisect
import collections
import datetime
import functools
import heapq
import json
import math
import multiprocessing
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

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
#: The callback dialer's defaults (CallbackOptions): the callee answers after min(8, RingSeconds/2)
#: seconds or rings out at RingSeconds; MaxAttempts dials, MinimumIntervalSeconds doubling between
#: them; dials only from 08:00 to 21:00 in the callee's zone, polling every PollSeconds (60 in
#: `ivr simulate`) for callbacks that came due outside it.
CALLBACK_ANSWER_SECONDS = 8.0
CALLBACK_NO_ANSWER_SECONDS = 30.0
CALLBACK_MAX_ATTEMPTS = 3
CALLBACK_BACKOFF_SECONDS = 120.0
CALLING_WINDOW = (8 * 3600.0, 21 * 3600.0)
CALLBACK_POLL_SECONDS = 60.0
#: The engine's defaults for a queue's settings that the menu may leave out (docs/queues.md).
DEFAULT_ANNOUNCE_SECONDS = 45.0
DEFAULT_SERVICE_LEVEL_SECONDS = 20.0
DEFAULT_ESCAPE_KEYS = ("0", "#")

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
FULL_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DAY_SECONDS = 86400.0
WEEK_SECONDS = 7 * DAY_SECONDS
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


def _number(obj: dict, key: str, where: str, low: float = 0.0, high: float = math.inf, default: Optional[float] = None) -> float:
    """A number within [low, high]; ``default`` when absent (required when there is none)."""
    value = obj.get(key, default)
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

    if not isinstance(text, str):
        raise ScenarioError(f"days: expected text like \"Mon-Fri\", got {text!r}")
    if text.strip().lower() == "daily":
        return list(range(7))
    days: list[int] = []
    for item in text.split(","):
        if "-" in item:
            first, last = (day(part) for part in item.split("-", 1))
            days.extend((first + k) % 7 for k in range((last - first) % 7 + 1))
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
        for weekday in parse_days(row.get("days")):
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
    default_escape = raw.get("defaults", {}).get("escape", {})
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
        keyed: list[str] = []
        for option in node["options"]:
            action = _action(option, where)
            if "key" in option and action is not None:
                by_key[option["key"]] = action
                keyed.append(option["key"])
        if escape.get("mode", "immediate") != "disabled" and "to" in escape:
            for key in escape.get("keys", DEFAULT_ESCAPE_KEYS):
                by_key.setdefault(key, _action(escape["to"], where))
        # Nodes the scenario does not list: their keyed options (not the escape) equally likely.
        weights = choices.get(node_id) or {key: 1.0 for key in keyed}
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


@dataclass(frozen=True)
class HandleTime:
    """Talk time as the engine's HandleTime.Sample draws it (never under a second)."""

    distribution: str
    mean: float
    sd: float = 0.0

    def sample(self, rng: random.Random) -> float:
        """One talk time in seconds."""
        if self.distribution == "exponential":
            return max(1.0, rng.expovariate(1.0 / self.mean))
        if self.distribution == "lognormal":
            # Mean and standard deviation of the talk time itself, not of its logarithm.
            variance = math.log(1 + self.sd * self.sd / (self.mean * self.mean))
            return max(1.0, rng.lognormvariate(math.log(self.mean) - variance / 2, math.sqrt(variance)))
        return max(1.0, self.mean)


def read_handle_time(spec: dict, where: str) -> HandleTime:
    """A handleTime object: fixed, exponential (meanSeconds) or lognormal (meanSeconds, sdSeconds)."""
    _check_keys(spec, {"distribution", "meanSeconds", "sdSeconds"}, where)
    kind = spec.get("distribution")
    if kind not in ("fixed", "exponential", "lognormal"):
        raise ScenarioError(f"{where}.distribution: expected fixed, exponential or lognormal, got {kind!r}")
    mean = _number(spec, "meanSeconds", where, low=1e-9)
    sd = _number(spec, "sdSeconds", where) if kind == "lognormal" else 0.0
    return HandleTime(kind, mean, sd)


@dataclass
class Scenario:
    """Everything the simulation needs, read from the scenario file and its menu."""

    path: Path
    week_of: datetime.date
    time_zone: str
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
    talk_time: HandleTime
    wrap_up_seconds: float
    answer_seconds: float
    announce_seconds: float
    callback_threshold: Optional[float]
    service_level_seconds: float

    @property
    def slots(self) -> int:
        """Intervals in a week."""
        return len(self.agents)

    @property
    def calls_per_week(self) -> float:
        """Expected arrivals in a week."""
        return sum(self.arrivals_per_second) * self.interval_seconds


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
    _check_keys(queue, {"handleTime", "wrapUpSeconds", "answerSeconds", "agents"}, where)

    menu_path = path.parent / raw["menu"]
    menu = load_menu(menu_path, callers.get("choices", {}))
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
        time_zone=load_json(menu_path).get("timeZone", "?"),
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
        talk_time=read_handle_time(queue.get("handleTime", {}), f"{where}.handleTime"),
        wrap_up_seconds=_number(queue, "wrapUpSeconds", where),
        answer_seconds=_number(queue, "answerSeconds", where, high=300.0, default=0.0),
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
    turn_at = now
    for _ in range(position):
        turn_at = free_at[0]
        heapq.heapreplace(free_at, turn_at + average)
    return turn_at - now


# ---------------------------------------------------------------------------------------------
# Figures, as `ivr simulate` counts them (src/IvrEngine/Simulation/SimulationFigures.cs).
# ---------------------------------------------------------------------------------------------


class WaitHistogram:
    """Waits in the engine's fixed buckets (by the second to 5 min, by 5 s to 30 min, by 30 s to 4 h)."""

    FINE, MEDIUM, COARSE = 300, 1800, 14400
    BUCKETS = FINE + (MEDIUM - FINE) // 5 + (COARSE - MEDIUM) // 30 + 1

    def __init__(self) -> None:
        self.counts = [0] * self.BUCKETS
        self.zeros = 0
        self.count = 0
        self.overflow_max = 0.0

    def add(self, seconds: float) -> None:
        """Counts one wait."""
        self.count += 1
        if seconds <= 0:
            self.zeros += 1
            return
        bucket = self._bucket(seconds)
        self.counts[bucket] += 1
        if bucket == self.BUCKETS - 1:
            self.overflow_max = max(self.overflow_max, seconds)

    def merge(self, other: "WaitHistogram") -> None:
        """Adds another histogram's counts."""
        self.count += other.count
        self.zeros += other.zeros
        self.overflow_max = max(self.overflow_max, other.overflow_max)
        self.counts = [a + b for a, b in zip(self.counts, other.counts)]

    def percentile(self, share: float) -> Optional[float]:
        """The wait ``share`` of the waits did not exceed, interpolated within its bucket."""
        if self.count == 0:
            return None
        rank = share * self.count
        if rank <= self.zeros:
            return 0.0
        seen = float(self.zeros)
        for bucket, count in enumerate(self.counts):
            if count and seen + count >= rank:
                low, high = self._edges(bucket)
                return low + (high - low) * (rank - seen) / count
            seen += count
        return self._edges(self.BUCKETS - 1)[1]

    def _bucket(self, seconds: float) -> int:
        if seconds < self.FINE:
            return int(seconds)
        if seconds < self.MEDIUM:
            return self.FINE + int((seconds - self.FINE) / 5)
        if seconds < self.COARSE:
            return self.FINE + (self.MEDIUM - self.FINE) // 5 + int((seconds - self.MEDIUM) / 30)
        return self.BUCKETS - 1

    def _edges(self, bucket: int) -> tuple[float, float]:
        medium_first = self.FINE
        coarse_first = self.FINE + (self.MEDIUM - self.FINE) // 5
        if bucket < medium_first:
            return float(bucket), bucket + 1.0
        if bucket < coarse_first:
            low = self.FINE + (bucket - medium_first) * 5.0
            return low, low + 5.0
        if bucket < self.BUCKETS - 1:
            low = self.MEDIUM + (bucket - coarse_first) * 30.0
            return low, low + 30.0
        return float(self.COARSE), max(float(self.COARSE), self.overflow_max)


@dataclass
class Figures:
    """Counts of one queue over the weeks simulated; weeks' figures add up with ``merge``.

    Callers are counted as `ivr simulate` counts them: offered when they join (callback legs are
    not new offers); answered without the callback legs, which count as callbacks completed;
    every caller who leaves the queue (answered, abandoned, or with a callback) adds a wait.
    """

    service_level_seconds: float
    slots: int
    calls: int = 0
    escaped: int = 0
    ended_in_menus: int = 0
    offered: int = 0
    answered: int = 0
    answered_in_time: int = 0
    answer_wait_seconds: float = 0.0
    abandoned: int = 0
    wait_seconds: float = 0.0
    waits: int = 0
    longest_wait: float = 0.0
    callbacks_offered: int = 0
    callbacks_accepted: int = 0
    callbacks_completed: int = 0
    callbacks_failed: int = 0
    callbacks_postponed: int = 0
    weeks: int = 0
    histogram: WaitHistogram = field(default_factory=WaitHistogram)
    handled: list[float] = field(init=False)
    staffed: list[float] = field(init=False)

    def __post_init__(self) -> None:
        # Talk plus wrap-up, by the interval the call was answered in; agent-seconds scheduled.
        self.handled = [0.0] * self.slots
        self.staffed = [0.0] * self.slots

    def waited(self, seconds: float) -> None:
        """A caller left the queue after waiting ``seconds``."""
        self.waits += 1
        self.wait_seconds += seconds
        if seconds > self.longest_wait:
            self.longest_wait = seconds
        self.histogram.add(seconds)

    def merge(self, other: "Figures") -> None:
        """Adds another week's figures."""
        for name in ("calls", "escaped", "ended_in_menus", "offered", "answered", "answered_in_time", "answer_wait_seconds",
                     "abandoned", "wait_seconds", "waits", "callbacks_offered", "callbacks_accepted", "callbacks_completed",
                     "callbacks_failed", "callbacks_postponed", "weeks"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.longest_wait = max(self.longest_wait, other.longest_wait)
        self.histogram.merge(other.histogram)
        self.handled = [a + b for a, b in zip(self.handled, other.handled)]
        self.staffed = [a + b for a, b in zip(self.staffed, other.staffed)]

    def kpis(self) -> dict:
        """The week totals under the names of `ivr simulate`'s summary.json."""
        def share(part: float, whole: float) -> Optional[float]:
            return None if whole == 0 else part / whole

        staffed = sum(self.staffed)
        return {
            "offered": self.offered,
            "answered": self.answered,
            "abandoned": self.abandoned,
            "abandon_rate": share(self.abandoned, self.offered),
            "service_level": share(self.answered_in_time, self.answered + self.abandoned),
            "asa_s": share(self.answer_wait_seconds, self.answered),
            "avg_wait_s": share(self.wait_seconds, self.waits),
            "p90_wait_s": self.histogram.percentile(0.9),
            "longest_wait_s": self.longest_wait if self.waits else None,
            "occupancy": None if staffed <= 0 else min(1.0, sum(self.handled) / staffed),
            "callbacks_offered": self.callbacks_offered,
            "callbacks_accepted": self.callbacks_accepted,
            "callbacks_completed": self.callbacks_completed,
        }


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
    """A place in the queue: a waiting caller, a callback leg, or a kept place awaiting its callback."""

    joined_at: float
    connected: simpy.Event
    ahead: bool = False
    step: int = NONE
    kept: bool = False
    calling_back: bool = False
    place_up: Optional[simpy.Event] = None
    agent: Optional[Agent] = None


class CallCentre:
    """One queue, its agents and its callers, on a SimPy environment: one week of the line."""

    def __init__(self, env: simpy.Environment, scenario: Scenario, rng: random.Random, figures: Figures):
        self.env = env
        self.scenario = scenario
        self.rng = rng
        self.figures = figures
        self.agents = [Agent(i) for i in range(max(scenario.agents))]
        self.free: collections.deque[Agent] = collections.deque()  # longest idle first
        self.waiting: collections.deque[Entry] = collections.deque()
        self.recent: collections.deque[float] = collections.deque(maxlen=RECENT_HANDLE_TIMES)
        self.recent_sum = 0.0
        self.in_progress = 0
        self.arrivals_done = False
        self.done = env.event()

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
        if away:
            agent.state = AWAY
            self.free.remove(agent)
        else:
            agent.state = FREE
            self.free.append(agent)

    def average_handle_time(self) -> Optional[float]:
        """Mean talk plus wrap-up of the recent finished calls, or None with too few of them."""
        if len(self.recent) < MINIMUM_HISTORY:
            return None
        return self.recent_sum / len(self.recent)

    # ----- the queue -------------------------------------------------------------------------

    def join(self, entry: Entry) -> None:
        """A caller is in line; free agents take callers."""
        self.figures.offered += 1
        self.waiting.append(entry)
        self.route()

    def join_ahead(self, leg: Entry) -> None:
        """A callback leg without a kept place goes ahead of everyone but earlier callback legs."""
        place = 0
        while place < len(self.waiting) and self.waiting[place].ahead:
            place += 1
        self.waiting.insert(place, leg)
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
            if self.scenario.answer_seconds > 0:
                agent.state = RINGING
                i += 1
            else:
                self.connect(entry)
            entry.connected.succeed()

    def connect(self, entry: Entry) -> None:
        """The caller talks to their agent."""
        now = self.env.now
        self.waiting.remove(entry)
        wait = now - entry.joined_at
        figures = self.figures
        if entry.ahead:
            figures.callbacks_completed += 1
        else:
            figures.answered += 1
            if wait <= figures.service_level_seconds:
                figures.answered_in_time += 1
            figures.answer_wait_seconds += wait
            figures.waited(wait)
        agent = entry.agent
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

    def welcome_connected(self) -> None:
        """The announcement on joining, heard by a caller an agent has just taken.

        In the engine the agent's phone is ringing while the caller hears it, first in line: the
        expected wait is the first moment any agent comes free, counting theirs as starting a call
        now. Over the threshold, that is a callback offer (counted, though the caller is answered).
        """
        threshold = self.scenario.callback_threshold
        if threshold is None or self.free:
            return  # another agent is free now: the estimate is 0
        wait = expected_wait(1, self.agents, self.average_handle_time(), self.env.now)
        if wait is not None and wait > threshold:
            self.figures.callbacks_offered += 1

    def abandon(self, entry: Entry) -> None:
        """The caller's patience ran out while waiting."""
        self.waiting.remove(entry)
        self.figures.abandoned += 1
        self.figures.waited(self.env.now - entry.joined_at)
        self.route()

    def book(self, entry: Entry) -> None:
        """The caller took the callback: their entry stays in line as a kept place."""
        self.figures.callbacks_accepted += 1
        self.figures.waited(self.env.now - entry.joined_at)
        entry.step = BOOKED
        entry.kept = True
        entry.place_up = self.env.event()
        self.route()

    def take_kept_place(self, kept: Entry) -> Entry:
        """The callee answered: a callback leg takes the kept place, ahead of everyone behind it."""
        leg = Entry(self.env.now, self.env.event(), ahead=True)
        self.waiting[self.waiting.index(kept)] = leg
        self.route()
        return leg

    def release_place(self, kept: Entry) -> None:
        """The kept place goes (no answer, or outside the calling window); the callers behind move up."""
        self.waiting.remove(kept)
        self.route()

    def finish(self, agent: Agent, talk: float) -> None:
        """The talk ends: wrap-up starts, and talk plus wrap-up joins the recent handle times."""
        handled = talk + self.scenario.wrap_up_seconds
        if len(self.recent) == RECENT_HANDLE_TIMES:
            self.recent_sum -= self.recent[0]
        self.recent.append(handled)
        self.recent_sum += handled
        slot = int(agent.call_started_at // self.scenario.interval_seconds) % self.scenario.slots
        self.figures.handled[slot] += handled
        agent.state = WRAP_UP
        agent.wrap_up_ends_at = self.env.now + self.scenario.wrap_up_seconds

    def free_up(self, agent: Agent) -> None:
        """Wrap-up over: the agent takes the next caller, or leaves if logging out."""
        if agent.logging_out:
            agent.logging_out = False
            agent.state = AWAY
            return
        agent.state = FREE
        self.free.append(agent)
        self.route()

    def call_ended(self) -> None:
        """One call fewer in progress; the week is over when the last one ends after the last arrival."""
        self.in_progress -= 1
        if self.arrivals_done and self.in_progress == 0:
            self.done.succeed()


# ---------------------------------------------------------------------------------------------
# Processes.
# ---------------------------------------------------------------------------------------------


def arrival_times(scenario: Scenario, rng: random.Random, limit: int):
    """The week's arrival times: exponential gaps at each interval's rate, restarted at each
    boundary (exact, the exponential having no memory); at most ``limit`` of them."""
    length = scenario.interval_seconds
    count = 0
    for slot, rate in enumerate(scenario.arrivals_per_second):
        if rate <= 0:
            continue
        start = slot * length
        at = start + rng.expovariate(rate)
        while at < start + length:
            if count == limit:
                return
            count += 1
            yield at
            at += rng.expovariate(rate)


def arrivals(env: simpy.Environment, centre: CallCentre, times):
    """Starts a caller at each arrival time."""
    for at in times:
        yield env.timeout(at - env.now)
        centre.figures.calls += 1
        centre.in_progress += 1
        env.process(caller(env, centre))
    centre.arrivals_done = True
    if centre.in_progress == 0:
        centre.done.succeed()


def staffing(env: simpy.Environment, centre: CallCentre):
    """Logs agents in and out at each interval boundary, for as long as the week runs."""
    scenario = centre.scenario
    slot = 0
    while True:
        agents = scenario.agents[slot % scenario.slots]
        if slot < scenario.slots:
            centre.figures.staffed[slot] += agents * scenario.interval_seconds
        centre.staff(agents)
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
        centre.figures.escaped += 1
        return menu.start_escape
    node = menu.nodes[menu.start]
    while True:
        if node.then is None:
            yield env.timeout(think)
        action = node.choose(rng)
        if action.kind != "goto":
            return action
        node = menu.nodes[action.target]


def caller(env: simpy.Environment, centre: CallCentre):
    """One call: the menu, then the queue (waiting, abandoning, or leaving with a callback)."""
    action = yield from walk_menu(env, centre)
    if action.kind == "queue":
        entry = Entry(env.now, env.event())
        centre.join(entry)
        outcome = "connected"
        if entry.connected.triggered:
            centre.welcome_connected()
        else:
            # Drawn as the engine draws durations (HandleTime.Sample): never under a second.
            patience = max(1.0, centre.rng.expovariate(1.0 / centre.scenario.mean_patience))
            outcome = yield from wait_in_line(env, centre, entry, env.now + patience)
        if outcome == "connected":
            yield from talk(env, centre, entry)
        elif outcome == "booked":
            yield from call_back(env, centre, entry)
    else:
        centre.figures.ended_in_menus += 1
    centre.call_ended()


def wait_in_line(env: simpy.Environment, centre: CallCentre, entry: Entry, gives_up_at: float):
    """Waits for an agent; returns "connected", "abandoned" or "booked" (a callback taken).

    Announcements (on joining, then every announce interval) matter only until the caller has
    been offered a callback: a caller decides once, at the first offer, and one who declines lets
    later offers pass; one who takes it presses 1 to the offer and 1 to the confirmation, thinking
    before each.
    """
    scenario = centre.scenario
    every = scenario.announce_seconds
    think = scenario.think_seconds
    next_announcement = env.now + every
    press_at = _answer_offer(centre, entry) if centre.announce(entry) else math.inf
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


def _until_calling_window(now: float) -> float:
    """Seconds until the callee may be called (0 inside the window), at the dialer's next poll."""
    day = now % DAY_SECONDS
    start, end = CALLING_WINDOW
    if start <= day < end:
        return 0.0
    opens = now - day + start + (DAY_SECONDS if day >= end else 0.0)
    return math.ceil(opens / CALLBACK_POLL_SECONDS) * CALLBACK_POLL_SECONDS - now


def call_back(env: simpy.Environment, centre: CallCentre, kept: Entry):
    """A booked callback, as the engine's dialer places it.

    When the kept place comes up the callee is dialled at once if inside the calling window; else
    the place is released and the dial waits for the window. Each dial is answered (after a few
    rings) with probability ``answerCallback``, or rings out; a dial that fails releases the place,
    and the next one follows after a backoff (2 min, then 4), up to three. A callee who answers
    takes the kept place if it is still held, else goes ahead of the callers waiting.
    """
    rng = centre.rng
    yield kept.place_up
    held: Optional[Entry] = kept
    for attempt in range(CALLBACK_MAX_ATTEMPTS):
        if attempt > 0:
            yield env.timeout(CALLBACK_BACKOFF_SECONDS * 2 ** (attempt - 1))
        postpone = _until_calling_window(env.now)
        if postpone > 0:
            centre.figures.callbacks_postponed += 1
            if held is not None:
                centre.release_place(held)
                held = None
            yield env.timeout(postpone)
        if rng.random() < centre.scenario.answer_callback:
            yield env.timeout(CALLBACK_ANSWER_SECONDS)
            if held is not None:
                leg = centre.take_kept_place(held)
            else:
                leg = Entry(env.now, env.event(), ahead=True)
                centre.join_ahead(leg)
            if not leg.connected.triggered:
                yield leg.connected
            yield from talk(env, centre, leg)
            return
        yield env.timeout(CALLBACK_NO_ANSWER_SECONDS)
        if held is not None:
            centre.release_place(held)
            held = None
    centre.figures.callbacks_failed += 1


def talk(env: simpy.Environment, centre: CallCentre, entry: Entry):
    """An agent has the caller: ring (if agents take time to answer), talk, wrap up."""
    agent = entry.agent
    if agent.state == RINGING:
        yield env.timeout(centre.scenario.answer_seconds)
        centre.connect(entry)
    duration = centre.scenario.talk_time.sample(centre.rng)
    yield env.timeout(duration)
    centre.finish(agent, duration)
    yield env.timeout(centre.scenario.wrap_up_seconds)
    centre.free_up(agent)


# ---------------------------------------------------------------------------------------------
# Running week by week, and reporting.
# ---------------------------------------------------------------------------------------------


def week_random(seed: int, week: int, stream: str) -> random.Random:
    """A week's own random stream ("arrivals" or "callers"), the same for a seed on any machine."""
    return random.Random(f"{seed}/{week}/{stream}")


def plan_weeks(scenario: Scenario, calls: int, seed: int) -> list[tuple[int, int, bool]]:
    """(week, arrivals it takes, whether that is all of them) until ``calls`` arrivals, counting
    each week's own draws."""
    if scenario.calls_per_week <= 0:
        raise ScenarioError("the scenario has no arrivals in any interval")
    weeks = []
    total = 0
    week = 0
    while total < calls:
        drawn = sum(1 for _ in arrival_times(scenario, week_random(seed, week, "arrivals"), calls - total + 1))
        take = min(drawn, calls - total)
        weeks.append((week, take, take == drawn))
        total += take
        week += 1
    return weeks


def simulate_week(scenario: Scenario, seed: int, planned: tuple[int, int, bool]) -> Figures:
    """One week from an empty line on Monday 00:00, run on after its last arrival until settled.

    A whole week counts every interval's staffing, as `ivr simulate` runs it to its end; a week
    cut short by the call count counts the intervals it reached.
    """
    week, calls, whole = planned
    figures = Figures(scenario.service_level_seconds, scenario.slots, weeks=1)
    env = simpy.Environment()
    centre = CallCentre(env, scenario, week_random(seed, week, "callers"), figures)
    env.process(staffing(env, centre))
    env.process(arrivals(env, centre, arrival_times(scenario, week_random(seed, week, "arrivals"), calls)))
    env.run(until=centre.done)
    if whole:
        figures.staffed = [agents * scenario.interval_seconds for agents in scenario.agents]
    return figures


def simulate(scenario: Scenario, calls: int, seed: int, processes: int = 1) -> tuple[Figures, float]:
    """Runs ``calls`` arrivals, week by week (on ``processes`` processes), and adds the weeks up in
    order; returns the figures and the wall time in seconds."""
    started = time.perf_counter()
    weeks = plan_weeks(scenario, calls, seed)
    run = functools.partial(simulate_week, scenario, seed)
    total = Figures(scenario.service_level_seconds, scenario.slots)
    if processes > 1 and len(weeks) > 1:
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            for figures in pool.imap(run, weeks):
                total.merge(figures)
    else:
        for week in weeks:
            total.merge(run(week))
    return total, time.perf_counter() - started


def _percent(value: Optional[float]) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def _seconds(value: Optional[float]) -> str:
    return "-" if value is None else f"{value:.1f} s"


def report(scenario: Scenario, figures: Figures, seed: int, processes: int, elapsed: float) -> list[str]:
    """The figures, one "name: value" per line, then the rate line."""
    k = figures.kpis()
    top = max(scenario.arrivals_per_second)
    peaks = [s for s, rate in enumerate(scenario.arrivals_per_second) if rate >= 0.8 * top]
    peak_staffed = sum(figures.staffed[s] for s in peaks)
    peak_occupancy = None if peak_staffed == 0 else sum(figures.handled[s] for s in peaks) / peak_staffed
    accepted = figures.callbacks_accepted
    return [
        f"scenario: {scenario.path.name} (seed {seed}, SimPy {simpy.__version__}, {processes} process{'es' if processes > 1 else ''})",
        f"weeks: {figures.weeks} from {scenario.week_of}, each from an empty line ({scenario.time_zone}, 168 hours)",
        f"calls: {figures.calls}",
        f"escaped at once: {figures.escaped} ({_percent(figures.escaped / figures.calls if figures.calls else None)})",
        f"ended in the menus: {figures.ended_in_menus}",
        f"queue: {scenario.queue_id}",
        f"offered: {k['offered']}",
        f"answered: {k['answered']} (callback legs not counted)",
        f"abandoned: {k['abandoned']} ({_percent(k['abandon_rate'])})",
        f"service level: {_percent(k['service_level'])}/{scenario.service_level_seconds:g}s (answered in time of answered and abandoned)",
        f"ASA: {_seconds(k['asa_s'])}",
        f"average wait: {_seconds(k['avg_wait_s'])} (everyone who left the queue)",
        f"p90 wait: {_seconds(k['p90_wait_s'])}",
        f"longest wait: {_seconds(k['longest_wait_s'])}",
        f"occupancy: {_percent(k['occupancy'])} (talk and wrap-up of scheduled agent time)",
        f"occupancy at peaks: {_percent(peak_occupancy)} (intervals at >= 80% of the top arrival rate)",
        f"callbacks offered: {k['callbacks_offered']} ({_percent(k['callbacks_offered'] / k['offered'] if k['offered'] else None)} of offered)",
        f"callbacks accepted: {accepted} ({_percent(accepted / k['callbacks_offered'] if k['callbacks_offered'] else None)} of offers)",
        f"callbacks completed: {k['callbacks_completed']} ({_percent(k['callbacks_completed'] / accepted if accepted else None)} of accepted)",
        f"callbacks failed: {figures.callbacks_failed} (three dials unanswered)",
        f"callback dials postponed to the calling window: {figures.callbacks_postponed}",
        f"rate: {figures.calls} calls in {elapsed:.3f} s = {figures.calls / elapsed:.0f} calls/s",
    ]


def summary_json(scenario: Scenario, figures: Figures, seed: int, processes: int, elapsed: float) -> dict:
    """The run as JSON, the queue's totals under the keys of `ivr simulate`'s summary.json."""
    return {
        "model": f"SimPy {simpy.__version__}",
        "scenario": scenario.path.name,
        "seed": seed,
        "processes": processes,
        "weeks": figures.weeks,
        "calls": figures.calls,
        "endedInMenus": figures.ended_in_menus,
        "seconds": elapsed,
        "callsPerSecond": figures.calls / elapsed,
        "queues": {scenario.queue_id: {"serviceLevelSeconds": scenario.service_level_seconds, "week": figures.kpis()}},
    }


def main(argv: Optional[list[str]] = None) -> int:
    """Command line: simpy_model.py SCENARIO [--calls N] [--seed S] [--processes P] [--json FILE]."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scenario", type=Path, help="the scenario file (two-level.scenario.json)")
    parser.add_argument("--calls", type=int, default=200_000, help="arrivals to simulate (default 200000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--processes", type=int, default=1, help="weeks simulated at once, one process each (default 1)")
    parser.add_argument("--json", type=Path, help="also write the figures here as JSON")
    args = parser.parse_args(argv)
    if args.calls < 1:
        parser.error("--calls must be at least 1")
    if args.processes < 1:
        parser.error("--processes must be at least 1")
    try:
        scenario = load_scenario(args.scenario)
        figures, elapsed = simulate(scenario, args.calls, args.seed, args.processes)
    except ScenarioError as error:
        print(f"simpy_model: {error}", file=sys.stderr)
        return 2
    except KeyError as error:
        print(f"simpy_model: {args.scenario}: a required property is missing: {error}", file=sys.stderr)
        return 2
    if args.json is not None:
        args.json.write_text(json.dumps(summary_json(scenario, figures, args.seed, args.processes, elapsed), indent=2) + "\n", encoding="utf-8")
    print("\n".join(report(scenario, figures, args.seed, args.processes, elapsed)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
