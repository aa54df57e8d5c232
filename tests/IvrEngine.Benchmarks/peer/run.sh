#!/usr/bin/env bash
# Runs `ivr simulate` and the SimPy model on the same scenario and prints both rates, their
# ratio, and both sets of figures side by side (README.md beside this file).
#
#   tests/IvrEngine.Benchmarks/peer/run.sh
#
# Settings (environment):
#   IVR_CALLS=1000000     calls `ivr simulate` runs
#   SIMPY_CALLS=200000    calls the SimPy model runs (calls/s is what is compared, so fewer will do)
#   SEED=1                the seed both use
#   SCENARIO=…            the scenario file (default: two-level.scenario.json beside this script)
#   SIMPY_ONLY=1          skip the engine: build nothing, run only the SimPy model
#   SIMPY_ARGS="…"        more arguments for simpy_model.py (e.g. --agent-answer-seconds 3)
#   OUT_DIR=DIR           where `ivr simulate` writes (default: a temporary folder, removed after)
#   PYTHON=/usr/bin/python3  Debian's Python, the one python3-simpy3 installs into
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
scenario="${SCENARIO:-$here/two-level.scenario.json}"
ivr_calls="${IVR_CALLS:-1000000}"
simpy_calls="${SIMPY_CALLS:-200000}"
seed="${SEED:-1}"
python="${PYTHON:-/usr/bin/python3}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 PYTHONDONTWRITEBYTECODE=1

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# ---- SimPy, from Debian (the PATH's python3 may be another interpreter that cannot see it) ----
if ! "$python" -c 'import simpy' 2>/dev/null; then
  echo "== installing SimPy (Debian: python3-simpy3)"
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
  "${sudo[@]}" apt-get install -y -qq python3-simpy3 >/dev/null 2>&1 \
    || { "${sudo[@]}" apt-get update -qq && "${sudo[@]}" apt-get install -y -qq python3-simpy3 >/dev/null; }
  "$python" -c 'import simpy' || { echo "run.sh: $python cannot import simpy after installing python3-simpy3" >&2; exit 1; }
fi

# The last "rate: N calls in S s = R calls/s" line of a run's output: prints "N S R".
rate_of() {
  local line
  line="$(grep -E '^rate: [0-9,]+ calls in [0-9.,]+ s = [0-9.,]+ calls/s' "$1" | tail -n 1 || true)"
  if [ -z "$line" ]; then
    echo "run.sh: no 'rate: N calls in S s = R calls/s' line in the output of $2" >&2
    return 1
  fi
  echo "$line" | sed -E 's/^rate: ([0-9,]+) calls in ([0-9.,]+) s = ([0-9.,]+) calls\/s.*/\1 \2 \3/' | tr -d ','
}

# ---- the engine ----
if [ "${SIMPY_ONLY:-0}" != 1 ]; then
  echo "== building the CLI (Release)"
  dotnet build "$repo/src/IvrEngine.Cli/IvrEngine.Cli.csproj" -c Release -v quiet -nologo >"$work/build.log" 2>&1 \
    || { cat "$work/build.log" >&2; exit 1; }
  ivr_dll="$(ls "$repo"/src/IvrEngine.Cli/bin/Release/*/ivr.dll | head -n 1)"
  out="${OUT_DIR:-$work/ivr-out}"
  mkdir -p "$out"
  echo "== ivr simulate $(basename "$scenario") --calls $ivr_calls --seed $seed"
  if ! dotnet "$ivr_dll" simulate "$scenario" --calls "$ivr_calls" --seed "$seed" --out "$out" >"$work/ivr.txt" 2>&1; then
    cat "$work/ivr.txt" >&2
    echo "run.sh: ivr simulate failed (SIMPY_ONLY=1 runs the SimPy half alone)" >&2
    exit 1
  fi
  ivr_result="$(rate_of "$work/ivr.txt" "ivr simulate")"
  read -r ivr_n ivr_s ivr_rate <<<"$ivr_result"
fi

# ---- SimPy ----
echo "== simpy_model.py $(basename "$scenario") --calls $simpy_calls --seed $seed ${SIMPY_ARGS:-}"
# shellcheck disable=SC2086 # SIMPY_ARGS is split into arguments on purpose
"$python" "$here/simpy_model.py" "$scenario" --calls "$simpy_calls" --seed "$seed" ${SIMPY_ARGS:-} >"$work/simpy.txt"
simpy_result="$(rate_of "$work/simpy.txt" "simpy_model.py")"
read -r simpy_n simpy_s simpy_rate <<<"$simpy_result"

# ---- results ----
echo
if [ "${SIMPY_ONLY:-0}" = 1 ]; then
  cat "$work/simpy.txt"
  echo
  printf 'SimPy:        %12.0f calls/s  (%s calls in %s s)\n' "$simpy_rate" "$simpy_n" "$simpy_s"
  exit 0
fi

{ echo "--- ivr simulate"; cat "$work/ivr.txt"; } >"$work/left.txt"
{ echo "--- SimPy model"; cat "$work/simpy.txt"; } >"$work/right.txt"
pr -m -t -w 200 "$work/left.txt" "$work/right.txt"
echo
ratio="$(awk -v a="$ivr_rate" -v b="$simpy_rate" 'BEGIN { printf "%.1f", a / b }')"
printf 'ivr simulate: %12.0f calls/s  (%s calls in %s s)\n' "$ivr_rate" "$ivr_n" "$ivr_s"
printf 'SimPy:        %12.0f calls/s  (%s calls in %s s)\n' "$simpy_rate" "$simpy_n" "$simpy_s"
printf 'ratio:        %12s x\n' "$ratio"
goal() { if awk -v v="$1" -v t="$2" 'BEGIN { exit !(v >= t) }'; then echo met; else echo "NOT met"; fi; }
echo "goal: at least 1,000,000 calls/s: $(goal "$ivr_rate" 1000000); at least 10x SimPy: $(goal "$ratio" 10)"
