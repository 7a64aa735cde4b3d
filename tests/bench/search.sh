#!/usr/bin/env bash
# The search benchmark of issue 21: BlackJanuary's own search against Pagefind (npm pagefind, its
# Linux binary) over the same built sites, in the same run.
#
#   tests/bench/search.sh [SITE...]           SITE: pages:N (the synthetic memorial of N stories, in
#                                             English) or people:N (the register of N fictional people
#                                             in az, en, ru); default: pages:10000 people:100000
#   RUNS=5 tests/bench/search.sh pages:10000  times each query is opened in Chromium (default 3; time: median)
#   BJ_BENCH_DIR=/dev/shm tests/bench/search.sh   where sites are generated and built (default: temp)
#   BJ_CLI=~/.dotnet/tools/blackjanuary tests/bench/search.sh   build with that command instead of a fresh publish
#   STOP_SECONDS=1800 MAX_MIB=12000 tests/bench/search.sh people:100000
#                                             Pagefind (and the build) is stopped after that long (default
#                                             1800 s; 0: never) or when its resident memory passes MAX_MIB
#                                             (default 12000; 0: no limit), so that a shared machine stays usable
#   PAGEFIND=split tests/bench/search.sh people:100000
#                                             Pagefind once per language (--glob) instead of once over the
#                                             whole site; default (auto): per language only when the whole
#                                             run is stopped (over 100,000 people it passes 12,000 MiB)
#   PAGEFIND=none tests/bench/search.sh people:100000   BlackJanuary's side alone
#   KEEP=1 tests/bench/search.sh pages:10000  keep the generated and built sites (printed) for a look
#
# For each site: the benchmark program (tests/BlackJanuary.Benchmarks) generates it; BlackJanuary
# builds it once under GNU time (wall, peak resident memory) — the search index is made by that
# build and cannot be timed apart, so the whole build's time is reported beside the size of its
# search-index/ folder; then Pagefind indexes the built site under GNU time, its bundle written
# with --output-path into a folder of its own. Then tests/bench/search/measure.mjs opens the ten
# queries of tests/bench/search/queries-pages.json or queries-people.json in Chromium
# (/usr/bin/chromium through npm playwright-core) on both engines, served by
# tests/bench/search/server.mjs with gzip as a host would: ours at <language>/search/?q=…, Pagefind
# through tests/bench/search/pagefind-harness.html (no CSP: Pagefind needs 'wasm-unsafe-eval').
# Reported per query: the bytes of the search's requests (as sent, and uncompressed), the
# milliseconds from the navigation to the results shown, the result count, and whether the
# expected person or page is among the first 10. The load average is printed with each figure.
# pagefind and playwright-core are installed with npm into tests/bench/.cache/search; each site's
# figures (build.json, measure.json with every request of every query, the logs) are kept in
# tests/bench/.cache/search/results/.
#
# The 100,000-person site is about 3.3 GB of HTML (317,000 files) and its build peaks near 3.7 GiB;
# BJ_BENCH_DIR on a tmpfs needs room for it. Use a quiet machine: two cores are enough, but other
# work changes the times.
#
# Measured on 2026-12-06 (2 cores, 23.5 GiB, other builds and browser tests running beside it: load
# average 4 to 19, so the times are loose; the bytes are exact), Pagefind 1.6.0, Chromium 156:
# 10,000 pages: BlackJanuary's search-index/ 345 files, 5.2 MB; Pagefind 10,161 files, 25.7 MB (101.7 s,
# 1.3 GiB at load 16; 15.5 s at load 7). Per query: ours 7–31 KB of index, Pagefind 140–317 KB;
# ours found 10 of 10, Pagefind 7 (not "event 321", "Quliyev", "Гасанова").
# 100,000 people: ours 3,944 files, 151 MB; Pagefind over the whole site passed MAX_MIB=12000 after
# about 3.6 minutes and was stopped, so PAGEFIND=split: 3 runs, 531 s, peak 8.5 GiB, 318,936 files,
# 331 MB. Per query: ours 16–64 KB of index (34–76 KB with the page), Pagefind 681–735 KB (its
# per-language .pf_meta alone is about 640 KB); ours found 10 of 10, Pagefind 8 ("Sinaqova", "Shablonli" not).
set -uo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/tests/bench/search"
cache="$root/tests/bench/.cache"
pagefind_version=1.6.0
sites=("$@")
if [ ${#sites[@]} -eq 0 ]; then
  sites=(pages:10000 people:100000)
fi
runs="${RUNS:-3}"
stop="${STOP_SECONDS:-1800}"
max_mib="${MAX_MIB:-12000}"
scratch="${BJ_BENCH_DIR:-${TMPDIR:-/tmp}}"
pagefind_mode="${PAGEFIND:-auto}"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}
dpkg-query -W -f='${Status}' time 2>/dev/null | grep -q 'install ok installed' \
  || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y time \
  || { as_root apt-get update && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y time; } || exit 1
[ -x /usr/bin/chromium ] || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium || exit 1

modules="$cache/search/node_modules"
if [ ! -x "$modules/@pagefind/linux-x64/bin/pagefind_extended" ] || [ ! -d "$modules/playwright-core" ] \
  || [ "$(node -p "require('$modules/pagefind/package.json').version")" != "$pagefind_version" ]; then
  echo "Installing pagefind@$pagefind_version and playwright-core into $cache/search"
  npm install --prefix "$cache/search" --no-audit --no-fund --no-save "pagefind@$pagefind_version" playwright-core || exit 1
fi
# The binary itself: the npm wrapper (node) would only start it, and would be in GNU time's figures.
pagefind="$modules/@pagefind/linux-x64/bin/pagefind_extended"

cli="${BJ_CLI:-}"
if [ -z "$cli" ]; then
  echo "Publishing BlackJanuary (Release, compiled ahead of time)"
  rid=$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')
  dotnet publish "$root/src/BlackJanuary.Cli" -c Release -r "$rid" -o "$cache/blackjanuary" --nologo -v quiet || exit 1
  cli="$cache/blackjanuary/BlackJanuary.Cli"
fi
dotnet build "$root/tests/BlackJanuary.Benchmarks" -c Release --nologo -v quiet || exit 1

load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "Machine: $(nproc) cores, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo), $(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) memory, $(. /etc/os-release && echo "$PRETTY_NAME")"
echo "BlackJanuary: $cli ($("$cli" --version 2>&1 | head -n 1)), commit $(git -C "$root" rev-parse --short HEAD)"
echo "Pagefind: $("$pagefind" --version 2>&1 | head -n 1); Chromium: $(/usr/bin/chromium --version 2>/dev/null); node $(node --version)"
echo "Load average at the start: $(load)"

# shellcheck source=lib.sh
. "$root/tests/bench/lib.sh"

# timed NAME DIR COMMAND...: runs COMMAND under GNU time (and STOP_SECONDS, MAX_MIB), its output in
# DIR/NAME.log; sets status (124: stopped by time, 125: by memory), wall, mib and the load around it.
timed() {
  local name=$1 dir=$2
  shift 2
  local stopper=()
  [ "$stop" != 0 ] && stopper=(timeout --kill-after=30 "$stop")
  sync
  load_before=$(load)
  rm -f "$dir/too-big"
  /usr/bin/time -v -o "$dir/$name.time" "${stopper[@]}" "$@" >"$dir/$name.log" 2>&1 &
  local timer=$!
  if [ "$max_mib" != 0 ]; then
    while kill -0 "$timer" 2>/dev/null; do
      if [ "$(tree_mib "$timer")" -gt "$max_mib" ]; then
        touch "$dir/too-big"
        kill -TERM $(ps -o pid= --ppid "$timer") 2>/dev/null
        break
      fi
      sleep 1
    done
  fi
  wait "$timer"
  status=$?
  [ -e "$dir/too-big" ] && status=125
  load_after=$(load)
  wall=$(wall_seconds "$dir/$name.time")
  mib=$(peak_mib "$dir/$name.time")
}

files_bytes() { find "$@" -type f -printf '%s\n' 2>/dev/null | awk '{ n++; s += $1 } END { printf "%d %d", n, s }'; }

results=()
for site in "${sites[@]}"; do
  kind=${site%%:*}
  n=${site#*:}
  case "$kind" in
    pages) queries="$here/queries-pages.json" ;;
    people) queries="$here/queries-people.json" ;;
    *) echo "unknown site $site (pages:N or people:N)"; exit 2 ;;
  esac
  work=$(mktemp -d "$scratch/bj-search-$kind-$n-XXXXXX")
  echo
  echo "== $kind $n, in $work"
  if [ "$kind" = pages ]; then
    dotnet run -c Release --no-build --project "$root/tests/BlackJanuary.Benchmarks" -- generate "$n" "$work/gen" >"$work/generate.log" 2>&1 || { cat "$work/generate.log"; exit 1; }
    # Only the BlackJanuary form is used.
    rm -rf "$work/gen/hugo" "$work/gen/jekyll" "$work/gen/eleventy"
    content="$work/gen/blackjanuary"
  else
    dotnet run -c Release --no-build --project "$root/tests/BlackJanuary.Benchmarks" -- people "$n" "$work/gen" >"$work/generate.log" 2>&1 || { cat "$work/generate.log"; exit 1; }
    rm -rf "$work/gen/hugo"
    content="$work/gen/blackjanuary/content"
  fi
  out="$work/out"

  timed build "$work" "$cli" build --content "$content" --output "$out" --quiet
  bj_status=$status bj_wall=$wall bj_mib=$mib bj_load="$load_before → $load_after"
  html=$(find "$out" -name '*.html' | wc -l)
  read -r bj_files bj_bytes <<<"$(files_bytes "$out/search-index")"
  echo "BlackJanuary build: exit $bj_status, $bj_wall s, peak $bj_mib MiB, $html HTML files; search-index/: $bj_files files, $bj_bytes bytes (load $bj_load)"
  [ "$bj_status" -ne 0 ] && { tail -n 20 "$work/build.log"; }
  if [ ! -d "$out/search-index" ]; then
    echo "  no search-index/ in the build: BlackJanuary's side is not measured"
  fi
  per_language=$(for d in "$out"/search-index/*/; do [ -d "$d" ] && echo "$(basename "$d") $(files_bytes "$d")"; done)

  mkdir -p "$work/overlay/pagefind-harness"
  cp "$here/pagefind-harness.html" "$work/overlay/pagefind-harness/index.html"
  pf_split=""
  pf_full=""
  pf_status=0 pf_wall=0 pf_mib=0 pf_pages=0 pf_load=""
  if [ "$pagefind_mode" = none ]; then
    pf_status=-1
    echo "Pagefind: not run (PAGEFIND=none)"
  elif [ "$pagefind_mode" != split ]; then
    timed pagefind "$work" "$pagefind" --site "$out" --output-path "$work/overlay/pagefind"
    pf_status=$status pf_wall=$wall pf_mib=$mib pf_load="$load_before → $load_after"
    pf_pages=$(sed -n 's/^ *Indexed \([0-9]*\) pages$/\1/p' "$work/pagefind.log" | head -n 1)
    echo "Pagefind over the whole site: exit $pf_status, $pf_wall s, peak $pf_mib MiB (load $pf_load)"
    if [ "$pf_status" -ne 0 ]; then
      [ "$pf_status" -eq 124 ] && echo "  stopped after $stop s (STOP_SECONDS)"
      [ "$pf_status" -eq 125 ] && echo "  stopped: its memory passed $max_mib MiB (MAX_MIB)"
      tail -n 20 "$work/pagefind.log" | sed 's/^/  | /'
      pf_full="{ \"status\": $pf_status, \"wall\": ${pf_wall:-null}, \"mib\": ${pf_mib:-null}, \"load\": \"$pf_load\" }"
    fi
  fi
  # Stopped (or PAGEFIND=split): one run per language, each with a --glob of that language's files,
  # into the same bundle folder. Pagefind makes an index per language in any case (a page queries
  # only its language's), so the bundle is the one a whole run makes, but for pagefind-entry.json,
  # which each run writes with its language alone: the three are merged into one.
  if [ "$pagefind_mode" = split ] || { [ "$pagefind_mode" = auto ] && { [ "$pf_status" -eq 124 ] || [ "$pf_status" -eq 125 ]; }; }; then
    rm -rf "$work/overlay/pagefind"
    # Language folders: a top-level folder whose index.html says <html lang="FOLDER">; the rest is the default language.
    prefixes=()
    for d in "$out"/*/; do
      d=${d%/}
      b=${d##*/}
      [ -f "$d/index.html" ] && grep -q "<html lang=\"$b\"" "$d/index.html" && prefixes+=("$b")
    done
    rest=()
    for entry in "$out"/*; do
      b=${entry##*/}
      case " ${prefixes[*]} " in *" $b "*) continue ;; esac
      if [ -d "$entry" ]; then rest+=("$b/**/*.html"); else case "$b" in *.html) rest+=("$b") ;; esac; fi
    done
    globs=("{$(IFS=,; echo "${rest[*]}")}")
    names=(default)
    for prefix in "${prefixes[@]}"; do
      globs+=("$prefix/**/*.html")
      names+=("$prefix")
    done
    pf_status=0 pf_wall=0 pf_mib=0 pf_pages=0 pf_load=""
    for i in "${!globs[@]}"; do
      timed "pagefind-${names[$i]}" "$work" "$pagefind" --site "$out" --glob "${globs[$i]}" --output-path "$work/overlay/pagefind"
      pages=$(sed -n 's/^ *Indexed \([0-9]*\) pages$/\1/p' "$work/pagefind-${names[$i]}.log" | head -n 1)
      language=$(sed -n 's/^Discovered 1 language: \(.*\)$/\1/p' "$work/pagefind-${names[$i]}.log" | head -n 1)
      echo "Pagefind, ${names[$i]} (--glob '${globs[$i]}', language ${language:-?}): exit $status, $wall s, peak $mib MiB, ${pages:-?} pages (load $load_before → $load_after)"
      [ "$status" -ne 0 ] && { tail -n 20 "$work/pagefind-${names[$i]}.log" | sed 's/^/  | /'; pf_status=$status; }
      [ -f "$work/overlay/pagefind/pagefind-entry.json" ] && mv "$work/overlay/pagefind/pagefind-entry.json" "$work/entry-${names[$i]}.json"
      pf_wall=$(awk -v a="$pf_wall" -v b="${wall:-0}" 'BEGIN { print a + b }')
      [ "${mib:-0}" -gt "$pf_mib" ] && pf_mib=$mib
      pf_pages=$((pf_pages + ${pages:-0}))
      pf_load+="${pf_load:+; }${names[$i]}: $load_before → $load_after"
      pf_split+="${pf_split:+, }{ \"part\": \"${names[$i]}\", \"language\": \"${language:-}\", \"status\": $status, \"wall\": ${wall:-null}, \"mib\": ${mib:-null}, \"pages\": ${pages:-null} }"
      [ "$status" -ne 0 ] && break
    done
    node -e '
      const fs = require("fs");
      const [out, ...files] = process.argv.slice(1);
      const entries = files.map((f) => JSON.parse(fs.readFileSync(f, "utf8")));
      const merged = { ...entries[0], languages: Object.assign({}, ...entries.map((e) => e.languages)) };
      fs.writeFileSync(out, JSON.stringify(merged));
    ' "$work/overlay/pagefind/pagefind-entry.json" "$work"/entry-*.json
  fi
  pf_files=0 pf_bytes=0 pf_data_files=0 pf_data_bytes=0
  [ -d "$work/overlay/pagefind" ] && read -r pf_files pf_bytes <<<"$(files_bytes "$work/overlay/pagefind")"
  # The index without Pagefind's ready-made UIs (pagefind-ui.*, pagefind-modular-ui.*, pagefind-component-ui.*, pagefind-highlight.js).
  [ -d "$work/overlay/pagefind" ] && read -r pf_data_files pf_data_bytes <<<"$(files_bytes "$work/overlay/pagefind" -not -name 'pagefind-*ui.*' -not -name 'pagefind-highlight.js')"
  echo "Pagefind: exit $pf_status, $pf_wall s, peak $pf_mib MiB, $pf_pages pages indexed; bundle: $pf_files files, $pf_bytes bytes (without its UIs: $pf_data_files files, $pf_data_bytes bytes)"

  engines=""
  [ -d "$out/search-index" ] && engines+="ours,"
  [ "$pf_status" -eq 0 ] && engines+="pagefind,"
  measure_load_before=$(load)
  if [ -n "$engines" ]; then
    BJ_SEARCH_NODE_MODULES="$modules" node "$here/measure.mjs" --ours "$out" --pagefind "$work/overlay,$out" \
      --queries "$queries" --out "$work/measure.json" --runs "$runs" --engines "${engines%,}"
  fi
  measure_load_after=$(load)

  cat >"$work/build.json" <<JSON
{ "kind": "$kind", "n": $n, "html": $html,
  "blackjanuary": { "status": $bj_status, "wall": ${bj_wall:-null}, "mib": ${bj_mib:-null}, "load": "$bj_load", "files": ${bj_files:-0}, "bytes": ${bj_bytes:-0},
    "languages": "$(echo "$per_language" | tr '\n' ';')" },
  "pagefind": { "full": ${pf_full:-null}, "split": [${pf_split}], "status": $pf_status, "wall": ${pf_wall:-null}, "mib": ${pf_mib:-null}, "load": "$pf_load", "pages": ${pf_pages:-null}, "files": ${pf_files:-0}, "bytes": ${pf_bytes:-0}, "dataFiles": ${pf_data_files:-0}, "dataBytes": ${pf_data_bytes:-0} },
  "measureLoad": "$measure_load_before → $measure_load_after", "runs": $runs }
JSON
  results+=("$work")
  # The figures outlive the sites: every query's requests are in measure.json.
  keep="$cache/search/results/$(date -u +%Y%m%dT%H%M%SZ)-$kind-$n"
  mkdir -p "$keep"
  cp "$work"/*.json "$work"/*.log "$work"/*.time "$keep/" 2>/dev/null
  echo "figures: $keep"
  if [ "${KEEP:-0}" = 1 ]; then
    echo "kept: $work"
  fi
done

echo
node "$here/report.mjs" "${results[@]}"
if [ "${KEEP:-0}" != 1 ]; then
  rm -rf "${results[@]}"
fi
