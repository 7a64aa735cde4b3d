#!/usr/bin/env bash
# Clean builds of the same synthetic memorial by BlackJanuary, Hugo, Jekyll and Eleventy, side by
# side on this machine: median wall time, pages per second and peak memory of each, at each size.
#
#   tests/bench/compare.sh [SIZES...]       default: 100 1000 10000 50000
#   RUNS=5 tests/bench/compare.sh 1000      timed runs per generator and size (default 3)
#   GENERATORS=blackjanuary,hugo tests/bench/compare.sh 1000
#   BJ_BENCH_DIR=/dev/shm tests/bench/compare.sh   where sites are generated and built (default: temp)
#   BJ_CLI=~/.dotnet/tools/blackjanuary tests/bench/compare.sh 10000   time the installed tool instead of a fresh publish
#   SLOW_SECONDS=300 tests/bench/compare.sh 50000   a generator whose warm-up takes longer is timed by it alone
#   STOP_SECONDS=1800 tests/bench/compare.sh 50000  a build still running then is stopped, shown as "more than" (0: never)
#
# Installs what is missing (Debian packages, Eleventy from npm into tests/bench/.cache), publishes
# BlackJanuary's command line in Release, then lets the benchmark program generate, build, check
# and time (tests/BlackJanuary.Benchmarks/Compare.cs). Every generator runs as a process, start-up
# included, in turn with the others. Every output of a size stays on disk until the size is done
# (about 13 GB at 50,000 pages). The whole comparison takes about 75 minutes (73 on 2026-12-05),
# half of it Jekyll's 50,000-page build until it is stopped: use a quiet machine.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
cache="$root/tests/bench/.cache"
eleventy_version=3.1.8
sizes=("$@")
if [ ${#sizes[@]} -eq 0 ]; then
  sizes=(100 1000 10000 50000)
fi

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
for package in hugo jekyll ruby-jekyll-feed ruby-jekyll-sitemap time; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
command -v npm >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}"
  # The package lists may be missing or old on a fresh machine: update them only when needed.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" \
    || { as_root apt-get update && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"; }
fi

eleventy="$cache/eleventy-$eleventy_version/node_modules/.bin/eleventy"
if [ ! -x "$eleventy" ]; then
  echo "Installing @11ty/eleventy@$eleventy_version into $cache"
  npm install --prefix "$cache/eleventy-$eleventy_version" --no-audit --no-fund --no-save "@11ty/eleventy@$eleventy_version"
fi

# BJ_CLI times a command already made, such as the installed tool ($HOME/.dotnet/tools/blackjanuary).
cli="${BJ_CLI:-}"
if [ -z "$cli" ]; then
  echo "Publishing BlackJanuary (Release, compiled ahead of time)"
  # A runtime identifier makes the native build (src/BlackJanuary.Cli/BlackJanuary.Cli.csproj).
  rid=$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')
  dotnet publish "$root/src/BlackJanuary.Cli" -c Release -r "$rid" -o "$cache/blackjanuary" --nologo -v quiet
  cli="$cache/blackjanuary/BlackJanuary.Cli"
fi
dotnet build "$root/tests/BlackJanuary.Benchmarks" -c Release --nologo -v quiet
dotnet run -c Release --no-build --project "$root/tests/BlackJanuary.Benchmarks" -- \
  compare --cli "$cli" --eleventy "$eleventy" --runs "${RUNS:-3}" "${sizes[@]}"
