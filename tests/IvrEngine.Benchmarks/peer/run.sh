#!/usr/bin/env bash
# Runs `ivr simulate` and the SimPy model on the same scenario and prints their figures side by
# side, both rates and the ratio (README.md beside this file).
#
#   tests/IvrEngine.Benchmarks/peer/run.sh
#
# Both run weeks in parallel on every core (ivr's default --threads; the model's --processes),
# and again on one core each, so the ratio is given like for like both ways.
#
# Settings (environment):
#   IVR_CALLS=1000000     calls `ivr simulate` runs
#   SIMPY_CALLS=200000    calls the SimPy model runs (calls/s is what is compared, so fewer will do)
#   SEED=1                the seed both use
#   CORES=$(nproc)        threads for ivr and processes for SimPy in the parallel runs
#   ONE_CORE=1            also run both on one core (0: skip those runs)
#   SCENARIO=…            the scenario file (default: two-level.scenario.json beside this script)
#   SIMPY_ONLY=1          skip the engine: build nothing, run only the SimPy model
#   OUT_DIR=DIR           keep every output here (default: a temporary folder, removed after)
#   PYTHON=/usr/bin/python3  Debian's Python, the one python3-simpy3 installs into
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
scenario="${SCENARIO:-$here/two-level.scenario.json}"
ivr_calls="${IVR_CALLS:-1000000}"
simpy_calls="${SIMPY_CALLS:-200000}"
seed="${SEED:-1}"
cores="${CORES:-$(nproc)}"
# The one-core runs only add something when the parallel runs use more than one.
one_core="${ONE_CORE:-1}"
if [ "$cores" = 1 ]; then one_core=0; fi
simpy_only="${SIMPY_ONLY:-0}"
python="${PYTHON:-/usr/bin/python3}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 PYTHONDONTWRITEBYTECODE=1

if [ -n "${OUT_DIR:-}" ]; then
  out="$OUT_DIR"
  mkdir -p "$out"
else
  out="$(mktemp -d)"
  trap 'rm -rf "$out"' EXIT
fi

# ---- SimPy, from Debian (the PATH's python3 may be another interpreter that cannot see it) ----
if ! "$python" -c 'import simpy' 2>/dev/null; then
  echo "== installing SimPy (Debian: python3-simpy3)"
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
  "${sudo[@]}" apt-get install -y -qq python3-simpy3 >/dev/null 2>&1 \
    || { "${sudo[@]}" apt-get update -qq && "${sudo[@]}" apt-get install -y -qq python3-simpy3 >/dev/null; }
  "$python" -c 'import simpy' || { echo "run.sh: $python cannot import simpy after installing python3-simpy3" >&2; exit 1; }
fi

# The last "rate: N calls in S s = R calls/s" line of a run's output, as "N S R".
rate_of() {
  local line
  line="$(grep -E '^rate: [0-9,]+ calls in [0-9.,]+ s = [0-9.,]+ calls/s' "$1" | tail -n 1 || true)"
  if [ -z "$line" ]; then
    echo "run.sh: no 'rate: N calls in S s = R calls/s' line in $1" >&2
    return 1
  fi
  echo "$line" | sed -E 's/^rate: ([0-9,]+) calls in ([0-9.,]+) s = ([0-9.,]+) calls\/s.*/\1 \2 \3/' | tr -d ','
}

# Runs the engine: ivr_run NAME THREADS [--out DIR]; the output goes to $out/NAME.txt.
ivr_run() {
  local name="$1" threads="$2"
  shift 2
  echo "== ivr simulate $(basename "$scenario") --calls $ivr_calls --seed $seed --threads $threads $*"
  if ! dotnet "$ivr_dll" simulate "$scenario" --calls "$ivr_calls" --seed "$seed" --threads "$threads" "$@" >"$out/$name.txt" 2>&1; then
    cat "$out/$name.txt" >&2
    echo "run.sh: ivr simulate failed (SIMPY_ONLY=1 runs the SimPy half alone)" >&2
    exit 1
  fi
}

# Runs the model: simpy_run NAME PROCESSES; the output goes to $out/NAME.txt and NAME.json.
simpy_run() {
  local name="$1" processes="$2"
  echo "== simpy_model.py $(basename "$scenario") --calls $simpy_calls --seed $seed --processes $processes"
  "$python" "$here/simpy_model.py" "$scenario" --calls "$simpy_calls" --seed "$seed" --processes "$processes" \
    --json "$out/$name.json" >"$out/$name.txt"
}

# One line of the rates table: row LABEL FILE.
row() {
  local n s r
  read -r n s r <<<"$(rate_of "$2")"
  printf '%-32s %12.0f calls/s  (%s calls in %s s)\n' "$1" "$r" "$n" "$s"
}

ratio() { awk -v a="$(rate_of "$1" | cut -d' ' -f3)" -v b="$(rate_of "$2" | cut -d' ' -f3)" 'BEGIN { printf "%.1f", a / b }'; }

# ---- the engine ----
if [ "$simpy_only" != 1 ]; then
  echo "== building the CLI (Release)"
  dotnet build "$repo/src/IvrEngine.Cli/IvrEngine.Cli.csproj" -c Release -v quiet -nologo >"$out/build.log" 2>&1 \
    || { cat "$out/build.log" >&2; exit 1; }
  ivr_dll="$(ls "$repo"/src/IvrEngine.Cli/bin/Release/*/ivr.dll | head -n 1)"
  ivr_run ivr "$cores" --out "$out/ivr"
  if [ "$one_core" = 1 ]; then ivr_run ivr-1 1; fi
fi

# ---- SimPy ----
simpy_run simpy "$cores"
if [ "$one_core" = 1 ]; then simpy_run simpy-1 1; fi

# ---- results ----
echo
if [ "$simpy_only" = 1 ]; then
  cat "$out/simpy.txt"
  echo
else
  "$python" "$here/compare.py" "$out/ivr/summary.json" "$out/simpy.json"
  echo
  row "ivr simulate, $cores threads:" "$out/ivr.txt"
  if [ "$one_core" = 1 ]; then row "ivr simulate, 1 thread:" "$out/ivr-1.txt"; fi
fi
row "SimPy, $cores processes:" "$out/simpy.txt"
if [ "$one_core" = 1 ]; then row "SimPy, 1 process:" "$out/simpy-1.txt"; fi
if [ "$simpy_only" = 1 ]; then exit 0; fi

same="$(ratio "$out/ivr.txt" "$out/simpy.txt")"
printf '%-32s %12sx\n' "ratio, $cores cores each:" "$same"
if [ "$one_core" = 1 ]; then printf '%-32s %12sx\n' "ratio, 1 core each:" "$(ratio "$out/ivr-1.txt" "$out/simpy-1.txt")"; fi
goal() { if awk -v v="$1" -v t="$2" 'BEGIN { exit !(v >= t) }'; then echo met; else echo "NOT met"; fi; }
ivr_rate="$(rate_of "$out/ivr.txt" | cut -d' ' -f3)"
echo "goal: at least 1,000,000 calls/s: $(goal "$ivr_rate" 1000000); at least 10x SimPy on the same cores: $(goal "$same" 10)"
