#!/usr/bin/env bash
# Compares builds of the analyzer on one bundle by alternating their runs, so that a noisy machine's slow minutes
# fall on each build alike: for each round, runs
#   java -Xmx256m -jar JAR analyze BUNDLE --format json --output /dev/null -q
# once per JAR, then prints per JAR the median wall time, median user CPU and fastest wall time.
#
# Usage: analyzer/bench/ab.sh ROUNDS BUNDLE JAR [JAR ...]
# Example: analyzer/bench/ab.sh 8 /tmp/synth-1.tar.gz /tmp/before.jar analyzer/target/podmortem.jar
set -uo pipefail

if [ $# -lt 3 ]; then
  sed -n '2,8p' "$0" >&2
  exit 2
fi
ROUNDS="$1"
BUNDLE="$2"
shift 2
[ -x /usr/bin/time ] || { echo "ab.sh: needs GNU time (/usr/bin/time)" >&2; exit 2; }

OUT="$(mktemp "${TMPDIR:-/tmp}/podmortem-ab.XXXXXX")"
trap 'rm -f "$OUT"' EXIT
for r in $(seq "$ROUNDS"); do
  for jar in "$@"; do
    echo "round $r: $jar" >&2
    /usr/bin/time -a -o "$OUT" -f "$jar %e %U %x" java -Xmx256m -jar "$jar" analyze "$BUNDLE" --format json \
      --output /dev/null -q > /dev/null 2>&1
  done
done

echo "| jar | median wall | median user CPU | fastest wall | failed runs |"
echo "|---|---|---|---|---|"
for jar in "$@"; do
  awk -v j="$jar" '$1 == j { w[++n] = $2; u[n] = $3; if ($4 != 0) bad++ }
    function med(a, n,   i, k, t) {
      for (i = 2; i <= n; i++) { t = a[i]; for (k = i - 1; k >= 1 && a[k] > t; k--) a[k + 1] = a[k]; a[k + 1] = t }
      return a[int((n + 1) / 2)]
    }
    END { if (!n) { print "| " j " | - | - | - | - |"; exit }
      mw = med(w, n); mu = med(u, n)  # med sorts in place: w[1] is then the fastest
      printf "| %s | %.2f s | %.2f s | %.2f s | %d |\n", j, mw, mu, w[1], bad + 0 }' "$OUT"
done
