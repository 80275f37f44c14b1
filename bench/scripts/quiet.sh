#!/bin/bash
# Runs "$@" with every other process of the machine at nice 19, then puts them back at 0: a near-quiet measurement
# on a shared machine. Backends of the databases named by QUIET_DB_LIKE (default gh_bench%; test databases are gh_test_…) stay at nice 0, and so does
# the command's own process tree; the postmaster goes to 19 so that other new backends start there.
# Nice values only compete across sessions with autogroup off: echo 0 > /proc/sys/kernel/sched_autogroup_enabled
# (as root; this script does not change it). Usage: bench/scripts/quiet.sh npx tsx bench/src/assistance-queries.ts …
"$@" &
MAIN=$!
LIKE=${QUIET_DB_LIKE:-gh_bench%}
renice -n 19 -p "$(pgrep -o -x postgres)" >/dev/null 2>&1
while kill -0 $MAIN 2>/dev/null; do
  mine=" $(pstree -p $MAIN | grep -o '([0-9]*)' | tr -d '()' | tr '\n' ' ') $(psql -h 127.0.0.1 -U postgres -Atc "select string_agg(pid::text,' ') from pg_stat_activity where datname like '$LIKE'") $$ "
  for p in $(ps -eo pid=,ni= | awk '$2 != 19 {print $1}'); do
    case "$mine" in *" $p "*) ;; *) renice -n 19 -p "$p" >/dev/null 2>&1 ;; esac
  done
  for p in $mine; do renice -n 0 -p "$p" >/dev/null 2>&1; done
  sleep 0.5
done
wait $MAIN
rc=$?
for p in $(ps -eo pid=,ni= | awk '$2 == 19 {print $1}'); do renice -n 0 -p "$p" >/dev/null 2>&1; done
exit $rc
