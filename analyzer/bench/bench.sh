#!/usr/bin/env bash
# Benchmark: build the jar, generate synthetic bundles (podmortem synth) in each shape and scale, then time,
# RUNS times each,
#   gzip -dc BUNDLE > /dev/null                       (the floor: one core inflating)
#   java -Xmx256m -jar analyzer/target/podmortem.jar analyze BUNDLE --format json --output /dev/null
# and print the medians, the ratio analyzer/gzip, the analyzer's peak RSS and the HTML report's size.
# The "warm" column runs the same analysis WARM_RUNS + 1 times in one JVM (-Xmx256m) and gives the median of all
# but the first: the analyzer's own cost once the JIT has compiled it, apart from a cold JVM's start-up.
# A failing analyzer (OutOfMemoryError, any non-zero exit) is reported in the table, never hidden.
#
# Shapes: "collector" is the collector's bundle; "hand" is the same node captured by hand on Docker (a ps forest,
# a docker ps table and one terminal session of docker inspect, cd and find for every running container).
#
# Usage: analyzer/bench/bench.sh [--scales "1 2 4"] [--shapes "collector hand"] [--seed N] [--runs N] [--keep]
# Env:   MVN_FLAGS (extra Maven flags, such as -o)
set -uo pipefail

SCALES="1"
SHAPES="collector hand"
SEED=1
RUNS=3
KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --scales) SCALES="$2"; shift 2 ;;
    --shapes) SHAPES="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "bench.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT" || exit 1
JAR=analyzer/target/podmortem.jar

echo "== building $JAR" >&2
# shellcheck disable=SC2086
mvn -q -B -DskipTests ${MVN_FLAGS:-} package || { echo "bench.sh: the build failed" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/podmortem-bench.XXXXXX")"
if [ "$KEEP" = 1 ]; then
  echo "== keeping $WORK" >&2
else
  trap 'rm -rf "$WORK"' EXIT
fi

# run_timed OUTFILE CMD... : runs CMD, stdout to /dev/null, stderr to OUTFILE.err; writes "seconds peak_kb rc" to OUTFILE.
run_timed() {
  local out="$1"; shift
  local rc
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%e %M" -o "$out.time" "$@" > /dev/null 2> "$out.err"
    rc=$?
    echo "$(tail -n 1 "$out.time") $rc" > "$out"
  else
    # No GNU time: poll VmHWM (the peak resident set) of the process while it runs.
    local t0 t1 pid hwm=0 h
    t0=$(date +%s.%N)
    "$@" > /dev/null 2> "$out.err" &
    pid=$!
    while kill -0 "$pid" 2> /dev/null; do
      h=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status" 2> /dev/null)
      [ -n "$h" ] && [ "$h" -gt "$hwm" ] && hwm=$h
      sleep 0.05
    done
    wait "$pid"; rc=$?
    t1=$(date +%s.%N)
    echo "$(echo "$t1 - $t0" | bc -l | awk '{ printf "%.2f", $1 }') $hwm $rc" > "$out"
  fi
}

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR) print a[int((NR + 1) / 2)]; else print "-" }'; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }

# The warm harness: the analyze command, run again and again in one JVM.
mkdir -p "$WORK/warm"
cat > "$WORK/warm/Warm.java" <<'JAVA'
public class Warm {
  public static void main(String[] a) {
    for (int i = 0; i < Integer.parseInt(a[0]); i++) {
      long t = System.nanoTime();
      int rc = io.podmortem.cli.PodmortemCommand.commandLine()
          .execute("analyze", a[1], "--format", "json", "--output", "/dev/null", "-q");
      // podmortem prints the report's path on stdout: mark these lines apart.
      System.out.printf("warm %.2f %d%n", (System.nanoTime() - t) / 1e9, rc);
    }
  }
}
JAVA
javac -cp "$JAR" -d "$WORK/warm" "$WORK/warm/Warm.java" || { echo "bench.sh: the warm harness did not compile" >&2; exit 1; }
WARM_RUNS=3

ROWS=()
PHASES=()
for shape in $SHAPES; do
for scale in $SCALES; do
  s="$shape-$scale"
  B="$WORK/synth-$s.tar.gz"
  echo "== $shape, scale $scale: generating $B" >&2
  if ! java -jar "$JAR" synth --seed "$SEED" --scale "$scale" --shape "$shape" -o "$B"; then
    ROWS+=("| $shape | $scale | - | - | - | - | - | - | - | - | - | generator failed |"); continue
  fi
  lines=$(gzip -dc "$B" | wc -l)
  for i in $(seq "$RUNS"); do
    echo "   gzip -dc, run $i" >&2
    run_timed "$WORK/gz-$s-$i" gzip -dc "$B"
  done
  status="ok"
  for i in $(seq "$RUNS"); do
    echo "   analyze --output /dev/null, run $i" >&2
    PODMORTEM_TIMINGS=1 run_timed "$WORK/an-$s-$i" java -Xmx256m -jar "$JAR" analyze "$B" --format json \
      --output /dev/null
    read -r _ _ rc < "$WORK/an-$s-$i"
    if [ "$rc" != 0 ]; then
      why=$(grep -m1 -o 'OutOfMemoryError[^"]*\|podmortem: .*' "$WORK/an-$s-$i.err" | head -c 120)
      echo "   FAILED (exit $rc): ${why:-see $WORK/an-$s-$i.err}" >&2
      status="FAILED exit $rc: ${why:-?}"
    fi
  done
  echo "   analyze, $((WARM_RUNS + 1)) times in one JVM" >&2
  warm="-"
  if java -Xmx256m -cp "$JAR:$WORK/warm" Warm "$((WARM_RUNS + 1))" "$B" > "$WORK/warm-$s" 2> "$WORK/warm-$s.err" \
      && ! awk '$1 == "warm" && $3 != 0 { bad = 1 } END { exit !bad }' "$WORK/warm-$s"; then
    warm=$(awk '$1 == "warm" { print $2 }' "$WORK/warm-$s" | tail -n +2 | median)
  fi
  gz=$(for i in $(seq "$RUNS"); do cut -d' ' -f1 "$WORK/gz-$s-$i"; done | median)
  an=$(for i in $(seq "$RUNS"); do cut -d' ' -f1 "$WORK/an-$s-$i"; done | median)
  rss=$(for i in $(seq "$RUNS"); do cut -d' ' -f2 "$WORK/an-$s-$i"; done | sort -n | tail -n 1)
  ratio=$(awk -v a="$an" -v g="$gz" 'BEGIN { if (g > 0) printf "%.2f", a / g; else print "-" }')
  case "$status" in *FAILED*) ratio="($ratio, failed)" ;; esac
  echo "   analyze --format html" >&2
  html="-"
  if java -Xmx256m -jar "$JAR" analyze "$B" --format html --format json --output "$WORK/html-$s" -q > /dev/null \
      2> "$WORK/html-$s.err"; then
    html="$(mb "$(du -cb "$WORK/html-$s"/*.html | tail -n 1 | cut -f1)") MB"
    # A bound that cut the reading short makes a fast run meaningless: say so in the result.
    if ! grep -q '^  "warnings" : \[ \],' "$WORK/html-$s"/*.json; then
      status="$status, with warnings: $(grep -m1 '^  "warnings" : \[' "$WORK/html-$s"/*.json | cut -c 18-120)"
    fi
  else
    html="FAILED: $(grep -m1 -o 'OutOfMemoryError[^"]*\|podmortem: .*' "$WORK/html-$s.err" | head -c 80)"
  fi
  # Where the time went, in the last run (PODMORTEM_TIMINGS=1: phases from the JVM's start).
  PHASES+=("$shape, scale $scale: $(sed -n 's/^podmortem timing: //p' "$WORK/an-$s-$RUNS.err" | paste -sd ',' | sed 's/,/, /g')")
  wratio=$(awk -v a="$warm" -v g="$gz" 'BEGIN { if (g > 0 && a != "-") printf "%.2f", a / g; else print "-" }')
  ROWS+=("| $shape | $scale | $(mb "$(stat -c %s "$B")") MB | $(awk -v l="$lines" 'BEGIN { printf "%.1f M", l / 1e6 }') | $gz s | $an s | $ratio | $warm s | $wratio | $(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }') MB | $html | $status |")
done
done

echo
echo "podmortem benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), seed $SEED, $RUNS runs each, medians"
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(free -h | awk '/^Mem:/ { print $2 }') RAM, $(java -version 2>&1 | head -n 1)"
echo
echo "| shape | scale | bundle | lines | gzip -dc | analyze -Xmx256m | ratio | warm | warm ratio | peak RSS | HTML | result |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
echo
echo "Phases of the last run of each shape and scale (ms):"
printf '  %s\n' "${PHASES[@]}"
