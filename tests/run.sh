#!/usr/bin/env bash
# The test command (README, CI): installs what the browser tests need when it is missing, runs
# every test project, and ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

need=()
# CHROMIUM_PATH names another Chromium-based browser (e.g. Google Chrome on a CI image).
[ -n "${CHROMIUM_PATH:-}" ] || command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
# The serve tests stop the server as Ctrl+C does, with the kill program (procps, not the shell's
# builtin); the message tests run the program in a pseudo-terminal with script (bsdutils).
[ -x /bin/kill ] || [ -x /usr/bin/kill ] || need+=(procps)
command -v script >/dev/null 2>&1 || need+=(bsdutils)
# The published command is compiled to native code, which a C compiler links (NativeCommandTests).
command -v clang >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1 || need+=(clang)
# The image tests read the published photos' metadata back with a tool we did not write (ImageTests).
command -v exiftool >/dev/null 2>&1 || need+=(libimage-exiftool-perl)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo -n"
  echo "Installing ${need[*]} for the tests…"
  if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null; }; then
    echo "Could not install ${need[*]}: run 'sudo apt-get install -y ${need[*]}'. The tests that need them fail until then." >&2
  fi
fi

# The Nu Html Checker comes from the npm registry; kept outside the repository, installed once.
vnu_dir="${XDG_CACHE_HOME:-$HOME/.cache}/blackjanuary/vnu"
export VNU_JAR="$vnu_dir/node_modules/vnu-jar/build/dist/vnu.jar"
if [ ! -f "$VNU_JAR" ]; then
  echo "Installing vnu-jar (Nu Html Checker) into $vnu_dir…"
  mkdir -p "$vnu_dir" && npm install --silent --no-fund --no-audit --prefix "$vnu_dir" vnu-jar@26.9.27 >/dev/null
fi
# Webrecorder's warcio reads the archive's WARC records and indexes them again (ArchiveTests).
warcio_dir="${XDG_CACHE_HOME:-$HOME/.cache}/blackjanuary/warcio"
if [ ! -f "$warcio_dir/node_modules/warcio/dist/index.js" ]; then
  echo "Installing warcio into $warcio_dir…"
  mkdir -p "$warcio_dir" && npm install --silent --no-fund --no-audit --prefix "$warcio_dir" warcio@2.4.11 >/dev/null
fi
# citation-js reads the cite files back in the engine's tests (Integration/CitationTests.cs): BibTeX and RIS.
# 0.8.2: 0.9 needs Node 22, and the RIS plugin has no 0.9 yet.
citejs_dir="${XDG_CACHE_HOME:-$HOME/.cache}/blackjanuary/citation-js"
if [ ! -d "$citejs_dir/node_modules/@citation-js/plugin-ris" ]; then
  echo "Installing citation-js into $citejs_dir…"
  mkdir -p "$citejs_dir" && npm install --silent --no-fund --no-audit --prefix "$citejs_dir" @citation-js/core@0.8.2 @citation-js/plugin-bibtex@0.8.2 @citation-js/plugin-ris@0.8.2 >/dev/null
fi
# Webrecorder's ReplayWeb.page replays the archive in Chromium with wabac.js (ArchiveReplayTests). Its
# npm package ships ui.js and sw.js already built; 'npm pack' fetches just the package, because
# installing it would also fetch its build's dependencies, one of which this registry lacks.
replay_dir="${XDG_CACHE_HOME:-$HOME/.cache}/blackjanuary/replaywebpage-2.5.3"
if [ ! -f "$replay_dir/package/sw.js" ]; then
  echo "Installing replaywebpage into $replay_dir…"
  mkdir -p "$replay_dir" && (cd "$replay_dir" && npm pack --silent replaywebpage@2.5.3 >/dev/null && tar xzf replaywebpage-2.5.3.tgz && rm replaywebpage-2.5.3.tgz)
fi
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

log=$(mktemp)
# One test project at a time: on two cores the browser suite and the engine's tests (which publish
# the native command and build 2,000-page sites) took 11.5 minutes side by side and 7.2 one after
# the other, and side by side the native publish once ran past its 10-minute bound.
dotnet test --solution BlackJanuary.sln --max-parallel-test-modules 1 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Each test assembly prints its own 'total/failed/succeeded' block; sum them into one line.
passed=$(grep -E '^\s+succeeded: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -E '^\s+failed: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
exit "$status"
