#!/bin/sh
# Fails when a module's line coverage in the aggregate JaCoCo report (CSV) is below its floor.
# Floors are the figures measured when they were set, minus a small margin; raise them as coverage grows
# (the target is 85 % for dynamorm-engine, dynamorm-converters and dynamorm-local).
csv="$1"
if [ ! -f "$csv" ]; then
  echo "coverage: $csv missing (tests skipped or -Djacoco.skip=true): floor not checked"
  exit 0
fi
awk -F, '
  BEGIN {
    # measured 2026-12-05 in the full aggregate run (README test command): engine 84.70 %, local 90.30 %,
    # converters 96.03 %; floors sit a little below, the target is 85 % for the three
    floor["dynamorm-engine"] = 85; floor["dynamorm-converters"] = 93; floor["dynamorm-local"] = 88
    # measured 2026-12-06 by the tests of each module alone (the aggregate adds the data of the it-tests, so it
    # is at least this): plugin-tenancy 94.38 %, plugin-validation 90.84 %, dynamorm-streams 86.65 %
    floor["dynamorm-plugin-tenancy"] = 94; floor["dynamorm-plugin-validation"] = 90
    floor["dynamorm-streams"] = 86
  }
  # the aggregate report names each group "<aggregator name>/<artifactId>"
  NR > 1 { m = $1; sub(/.*\//, "", m); missed[m] += $8; covered[m] += $9 }
  END {
    failed = 0
    for (m in missed) {
      total = missed[m] + covered[m]
      pct = total ? 100 * covered[m] / total : 100
      line = sprintf("coverage: %-26s %6.2f %% lines (%d/%d)", m, pct, covered[m], total)
      if (m in floor && pct < floor[m]) { line = line sprintf("  BELOW FLOOR %d %%", floor[m]); failed = 1 }
      print line
    }
    for (m in floor) if (!(m in missed)) { print "coverage: no data for " m; failed = 1 }
    exit failed
  }' "$csv"
