#!/usr/bin/env bash
# The scale benchmark of issue 20: a register of N fictional people in three languages (az, the
# default, at /; en; ru), built by BlackJanuary and by Hugo from the same people.csv, each with its
# native command, as a process from start-up to exit under GNU time.
#
#   tests/bench/people.sh [N...]              default: 1000 10000 100000
#   RUNS=5 tests/bench/people.sh 10000        timed builds per generator and size (default 3)
#   GENERATORS=hugo tests/bench/people.sh     only some of blackjanuary,hugo
#   BJ_BENCH_DIR=/dev/shm tests/bench/people.sh   where sites are generated and built (default: temp)
#   BJ_CLI=~/.dotnet/tools/blackjanuary tests/bench/people.sh   time that command instead of a fresh publish
#   STOP_SECONDS=900 tests/bench/people.sh 100000   a build still running then is stopped (0: never; default 1800)
#   MAX_MIB=12000 tests/bench/people.sh 100000   a build whose processes pass this resident memory is stopped
#                                                 (checked every second; default: no limit), so a shared machine stays usable
#
# For each N, the benchmark program (tests/BlackJanuary.Benchmarks, 'people N DIR') writes
# DIR/blackjanuary/content with people.csv, then converts that CSV into the Hugo site DIR/hugo:
# Debian's Hugo (v0.111.3 here) has no content adapters (Hugo 0.126), so Hugo builds the same
# records from a Markdown file per person per language that the converter writes, with the
# layouts of tests/bench/hugo-people. The converter's time is reported on its own row.
#
# Each generator then builds RUNS times, each into a new folder (kept until the size is done, for
# the reason in tests/BlackJanuary.Benchmarks/Compare.cs: deleting many files slows the next
# build's writes), the disk synced before each build. No warm-up build: the generated files are
# already in the page cache. Reported: median wall time, the HTML files written (Hugo's include
# its alias redirects, such as /people/page/1/ and /az/), HTML files per second, the person pages
# among them (expected: 3 × N), peak resident memory and the exit status. A build that fails,
# is stopped, or writes fewer person pages than expected has the last 20 lines of its output shown.
# Hugo's output is about 30 KB a person (300 MB at 10,000 people), and every run's is kept until
# its size is done.
#
# Measured on 2026-12-06 (2 cores, 23.5 GiB, another build running beside it at times), Hugo
# 0.111.3, median of 3 (100,000: one run): 1,000 people 2.5 s, 211 MiB; 10,000 people 36 s,
# 1.6 GiB; 100,000 people 597 s, 15.6 GiB (stopped at 14,000 MiB by MAX_MIB in a first try).
# The converter took 0.3, 2.8 and 69 s. Give 100,000 people RUNS=1 and a MAX_MIB on a shared machine.
set -uo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
cache="$root/tests/bench/.cache"
sizes=("$@")
if [ ${#sizes[@]} -eq 0 ]; then
  sizes=(1000 10000 100000)
fi
runs="${RUNS:-3}"
stop="${STOP_SECONDS:-1800}"
max_mib="${MAX_MIB:-0}"
generators="${GENERATORS:-blackjanuary,hugo}"
scratch="${BJ_BENCH_DIR:-${TMPDIR:-/tmp}}"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
for package in hugo time; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}"
  # The package lists may be missing or old on a fresh machine: update them only when needed.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" \
    || { as_root apt-get update && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"; } \
    || exit 1
fi

# BJ_CLI times a command already made, such as the installed tool ($HOME/.dotnet/tools/blackjanuary).
cli="${BJ_CLI:-}"
if [ -z "$cli" ]; then
  echo "Publishing BlackJanuary (Release, compiled ahead of time)"
  # A runtime identifier makes the native build (src/BlackJanuary.Cli/BlackJanuary.Cli.csproj).
  rid=$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')
  dotnet publish "$root/src/BlackJanuary.Cli" -c Release -r "$rid" -o "$cache/blackjanuary" --nologo -v quiet || exit 1
  cli="$cache/blackjanuary/BlackJanuary.Cli"
fi
dotnet build "$root/tests/BlackJanuary.Benchmarks" -c Release --nologo -v quiet || exit 1

echo "Machine: $(nproc) cores, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo), $(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) memory, $(. /etc/os-release && echo "$PRETTY_NAME")"
echo "BlackJanuary: $cli ($("$cli" --version 2>&1 | head -n 1))"
echo "Hugo: $(hugo version 2>&1 | head -n 1) (no content adapters: the records reach Hugo as Markdown files converted from people.csv)"

# shellcheck source=lib.sh
. "$root/tests/bench/lib.sh"
median() {
  # The middle of the sorted values (the upper one of an even count), as Compare.cs takes it.
  sort -g | awk '{ v[NR] = $1 } END { print v[int(NR / 2) + 1] }'
}

table="| generator | people | runs | exit | median s | HTML files | HTML files/s | person pages | peak MiB |
|---|---:|---:|---|---:|---:|---:|---:|---:|"
notes=""

for n in "${sizes[@]}"; do
  work=$(mktemp -d "$scratch/bj-people-$n-XXXXXX")
  echo
  echo "== $n people, in $work"
  if ! dotnet run -c Release --no-build --project "$root/tests/BlackJanuary.Benchmarks" -- people "$n" "$work/site" | tee "$work/generate.txt"; then
    echo "generating $n people failed"
    rm -rf "$work"
    exit 1
  fi
  converter=$(sed -n 's/^converter: .* in \([0-9.]*\) s$/\1/p' "$work/generate.txt")
  table+="
| Hugo converter (people.csv → Markdown) | $n | 1 | 0 | $converter | – | – | – | – |"

  for generator in ${generators//,/ }; do
    walls=()
    peak=0
    status=0
    html=0
    persons=0
    done_runs=0
    shown=0
    for run in $(seq 1 "$runs"); do
      out="$work/out/$generator-$run"
      case "$generator" in
        blackjanuary) command=("$cli" build --content "$work/site/blackjanuary/content" --output "$out" --quiet) ;;
        hugo)
          rm -rf "$work/site/hugo/resources"
          command=(hugo --quiet -s "$work/site/hugo" -d "$out") ;;
        *) echo "unknown generator $generator"; exit 2 ;;
      esac
      sync
      stopper=()
      if [ "$stop" != 0 ]; then
        # SIGTERM first, so that the build exits and GNU time still reports its peak memory.
        stopper=(timeout --kill-after=30 "$stop")
      fi
      rm -f "$work/too-big"
      /usr/bin/time -v -o "$work/time.txt" "${stopper[@]}" "${command[@]}" >"$work/build.log" 2>&1 &
      timer=$!
      if [ "$max_mib" != 0 ]; then
        while kill -0 "$timer" 2>/dev/null; do
          if [ "$(tree_mib "$timer")" -gt "$max_mib" ]; then
            # SIGTERM to time's child (timeout passes it on to the build), so that time still reports the peak.
            touch "$work/too-big"
            kill -TERM $(ps -o pid= --ppid "$timer") 2>/dev/null
            break
          fi
          sleep 1
        done
      fi
      wait "$timer"
      status=$?
      # Shown as 125, a status none of the builds uses, so that the table tells it from a failure.
      [ -e "$work/too-big" ] && status=125
      wall=$(wall_seconds "$work/time.txt")
      mib=$(peak_mib "$work/time.txt")
      html=$(find "$out" -name '*.html' 2>/dev/null | wc -l)
      persons=$(find "$out" -path '*/people/test-person-*/index.html' 2>/dev/null | wc -l)
      walls+=("$wall")
      done_runs=$run
      [ "${mib:-0}" -gt "$peak" ] && peak=$mib
      echo "$generator, $n people, run $run: exit $status, ${wall} s, $html HTML files, $persons person pages, peak ${mib} MiB"
      # Shown once per generator and size: later runs of a build that is short would only repeat it.
      if [ "$status" -ne 0 ] || { [ "$persons" -ne $((3 * n)) ] && [ "$shown" -eq 0 ]; }; then
        shown=1
        if [ "$status" -eq 124 ]; then
          echo "  stopped after $stop s (STOP_SECONDS)"
        elif [ "$status" -eq 125 ]; then
          echo "  stopped: its memory passed $max_mib MiB (MAX_MIB)"
        elif [ "$status" -ne 0 ]; then
          echo "  FAILED"
        else
          echo "  wrote $persons person pages, expected $((3 * n))"
        fi
        echo "  last 20 lines of its output:"
        tail -n 20 "$work/build.log" | sed 's/^/  | /'
        notes+="
- $generator, $n people: exit $status, $persons of $((3 * n)) person pages; last line: $(tail -n 1 "$work/build.log")"
      fi
      # A failed or stopped build is not repeated: its one timing stands (a lower bound when stopped).
      [ "$status" -ne 0 ] && break
    done
    med=$(printf '%s\n' "${walls[@]}" | median)
    rate=$(awk -v h="$html" -v s="$med" 'BEGIN { if (s > 0) printf "%.0f", h / s; else print "–" }')
    # A stopped or failed build's time is only how long it ran: no rate, and "> " when it was stopped.
    [ "$status" -ne 0 ] && rate="–"
    { [ "$status" -eq 124 ] || [ "$status" -eq 125 ]; } && med="> $med"
    exit_text=$status
    [ "$status" -eq 124 ] && exit_text="124 (stopped: > $stop s)"
    [ "$status" -eq 125 ] && exit_text="stopped: > $max_mib MiB"
    [ "$status" -ne 0 ] && [ "$status" -ne 124 ] && [ "$status" -ne 125 ] && exit_text="$status (failed)"
    table+="
| $generator | $n | $done_runs | $exit_text | $med | $html | $rate | $persons | $peak |"
  done
  rm -rf "$work"
done

echo
echo "Clean builds of a register of N fictional people in three languages (3 × N person pages), median of RUNS=$runs (no warm-up);"
echo "HTML files are every .html file written; Hugo builds Markdown files that the converter wrote from the same people.csv (Hugo $(hugo version | sed -n 's/^hugo v\([0-9.]*\).*/\1/p') has no content adapters)."
echo
echo "$table"
if [ -n "$notes" ]; then
  echo
  echo "Builds that failed, were stopped or wrote fewer person pages than 3 × N:$notes"
fi
