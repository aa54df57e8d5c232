#!/usr/bin/env python3
"""Prints `ivr simulate`'s and the SimPy model's figures for one queue side by side.

Usage: compare.py IVR_SUMMARY_JSON SIMPY_JSON [--queue ID]

IVR_SUMMARY_JSON is the summary.json `ivr simulate --out DIR` writes; SIMPY_JSON is what
`simpy_model.py --json FILE` writes. Counts are shown per offered call, so runs of different
lengths compare; the last column is the SimPy figure less the engine's.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Callable, Optional

#: (label, how to read the figure from a queue's week totals, how to show it)
ROWS: list[tuple[str, Callable[[dict], Optional[float]], str]] = [
    ("offered", lambda w: w["offered"], "count"),
    ("abandoned", lambda w: w["abandon_rate"], "percent"),
    ("service level", lambda w: w["service_level"], "percent"),
    ("ASA", lambda w: w["asa_s"], "seconds"),
    ("average wait", lambda w: w["avg_wait_s"], "seconds"),
    ("p90 wait", lambda w: w["p90_wait_s"], "seconds"),
    ("longest wait", lambda w: w["longest_wait_s"], "seconds"),
    ("occupancy", lambda w: w["occupancy"], "percent"),
    ("callbacks offered / offered", lambda w: _share(w["callbacks_offered"], w["offered"]), "percent"),
    ("callbacks accepted / offers", lambda w: _share(w["callbacks_accepted"], w["callbacks_offered"]), "percent"),
    ("callbacks completed / accepted", lambda w: _share(w["callbacks_completed"], w["callbacks_accepted"]), "percent"),
]


def _share(part: float, whole: float) -> Optional[float]:
    return None if not whole else part / whole


def _show(value: Optional[float], kind: str) -> str:
    if value is None:
        return "-"
    if kind == "count":
        return f"{value:,.0f}"
    if kind == "percent":
        return f"{100 * value:.1f}%"
    return f"{value:.1f} s"


def _difference(ivr: Optional[float], simpy: Optional[float], kind: str) -> str:
    if ivr is None or simpy is None or kind == "count":
        return ""
    if kind == "percent":
        return f"{100 * (simpy - ivr):+.1f} pt"
    return f"{simpy - ivr:+.1f} s"


def comparison(ivr: dict, simpy: dict, queue: str) -> list[str]:
    """The table's lines."""
    ivr_week = ivr["queues"][queue]["week"]
    simpy_week = simpy["queues"][queue]["week"]
    lines = [f"{'queue ' + queue:<32}{'ivr simulate':>16}{'SimPy model':>16}{'SimPy - ivr':>14}"]
    for label, read, kind in ROWS:
        a, b = read(ivr_week), read(simpy_week)
        lines.append(f"{label:<32}{_show(a, kind):>16}{_show(b, kind):>16}{_difference(a, b, kind):>14}")
    return lines


def main(argv: Optional[list[str]] = None) -> int:
    """Command line: compare.py IVR_SUMMARY_JSON SIMPY_JSON [--queue ID]."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ivr", type=Path, help="summary.json from ivr simulate --out")
    parser.add_argument("simpy", type=Path, help="the JSON from simpy_model.py --json")
    parser.add_argument("--queue", default="support", help="the queue to compare (default support)")
    args = parser.parse_args(argv)
    try:
        ivr = json.loads(args.ivr.read_text(encoding="utf-8"))
        simpy = json.loads(args.simpy.read_text(encoding="utf-8"))
        print("\n".join(comparison(ivr, simpy, args.queue)))
    except (OSError, ValueError, KeyError) as error:
        print(f"compare: cannot compare {args.ivr} and {args.simpy}: {error!r}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
