#!/usr/bin/env bash
# The image benchmark: the same camera photos, each used by one page, turned into responsive
# <picture> derivatives at the same widths by Hugo, Eleventy Image and BlackJanuary, in the same
# run, each with its native command, as a process from start-up to exit under GNU time.
#
#   tests/bench/images.sh                    500 photos, each tool cold then warm
#   PHOTOS=100 tests/bench/images.sh         fewer photos (the first N of the same set)
#   RUNS=3 tests/bench/images.sh             cold and warm builds per tool (default 1; time: median)
#   TOOLS=hugo,eleventy tests/bench/images.sh   only some of hugo,eleventy,blackjanuary
#   BJ_BENCH_DIR=/dev/shm tests/bench/images.sh  where photos and sites go (default: temp); the photos
#                                            stay in BJ_BENCH_DIR/images/photos for the next run
#   BJ_CLI=path/BlackJanuary.Cli.dll tests/bench/images.sh   that build of ours (a .dll runs with
#                                            dotnet, anything else is run as a command) instead of a
#                                            fresh Release build of src/BlackJanuary.Cli
#   STOP_SECONDS=3600 MAX_MIB=12000 tests/bench/images.sh   a build still running then, or whose
#                                            processes pass that resident memory, is stopped
#                                            (defaults: 3600 s, no memory limit)
#   KEEP=1 tests/bench/images.sh             keep the sites and outputs (printed) for a look
#
# The photos (tests/bench/images/photos.mjs, made once and reused): JPEG quality 90, 12 to 24
# megapixels (4000×3000 to 6000×4000, a third of them portrait), 2.0 to 6.6 MB each (the 12 MP ones
# 2 to 3 MB), content that compresses like a photograph (gradients, shapes, texture and grain), with
# EXIF written by exiftool: camera make, model and serial number, date, GPS latitude and longitude,
# and on every tenth photo Orientation 6 (stored landscape, shown portrait). 2.0 GB for 500, made
# in 14 minutes two at a time on a busy machine.
#
# Each tool gets the photos as hard links (copies when BJ_BENCH_DIR cannot link) in its own site:
#   hugo         tests/bench/images/hugo: a bundle per page, the photo a page resource, resized in
#                layouts/_default/single.html to WebP and JPEG (quality 75, Box filter: Hugo's
#                defaults). Hugo 0.111 cannot encode AVIF, so Hugo makes 8 derivatives a photo
#                where the others make 12. Hugo publishes a bundle's resources, so the original
#                photos are in its output too (counted apart: "originals copied").
#                Cold: resources/_gen and --cacheDir removed.
#   eleventy     tests/bench/images/eleventy: Eleventy with an Eleventy Image shortcode per page,
#                AVIF, WebP and JPEG (sharp's defaults: 50, 80, 80). Eleventy Image's cache between
#                builds is its output folder (a derivative whose hashed file name is there is not
#                made again), so cold: output and .cache removed.
#   blackjanuary a content folder of site.yaml (images: widths), pages/photo-NNNN.md with the photo
#                as a Markdown image, media/photo-NNNN.jpg; AVIF, WebP and JPEG.
#                Cold: the --cache folder removed.
# Widths 320, 640, 1024 and 1600 for all (every photo is wider than 1600). A warm build is a
# second build of the unchanged site into the same output folder with the cache kept.
#
# Reported per tool: cold and warm wall time (median of RUNS), peak resident memory (GNU time's,
# or the sampled sum over the process tree when that is higher), the image files in the output,
# their bytes, how many are byte-for-byte copies of the photos, whether any output image still
# has GPS tags or the camera's serial number (exiftool), and on the page of photo 3 (a rotated
# one): its <picture>s, <source>s, srcset candidates, and whether its largest derivative is upright
# (portrait). The load average is printed around every build: on a busy machine the times are loose
# (the CPU seconds, user plus system, less so). BlackJanuary's image files are 13 a photo (the 12
# derivatives and media/NAME.jpg, its "own address", a copy of the 1600 JPEG) and the theme's share.png.
#
# Measured on 2026-12-06 (2 cores, 23.5 GiB), PHOTOS=50, RUNS=1, the first quiet run (load 0.2 at
# the start, 6.6 at Eleventy's end): BlackJanuary (NetVips 3.2.0, libvips 8.18.7) cold 47.6 s, warm
# 1.0 s, 576 MiB; Hugo 0.111.3 cold 184.8 s, warm 0.31 s, 769 MiB; Eleventy 3.1.8 with Eleventy
# Image 6.0.4 (sharp 0.33.5, libvips 8.15.3) cold 282.9 s, warm 2.5 s, 1,842 MiB. Derivatives:
# ours 61.1 MB (14.8 MB of it the own-address copies), Hugo 32.6 MB (no AVIF), Eleventy 45.5 MB.
# GPS and serial number only in Hugo's output, in the 50 original photos it publishes with their
# bundles. The same run at load 18 to 21: ours 381 s cold (105 s of CPU), Hugo 437 s (247 s), Eleventy
# 247 s (479 s) — the wall times follow the machine more than the tools. 100 photos (Hugo and Eleventy
# only, load 2 to 10): Hugo 519 s cold, 0.77 s warm, 777 MiB; Eleventy 778 s, 5.8 s, 2,003 MiB.
set -uo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/tests/bench/images"
photos_n="${PHOTOS:-500}"
runs="${RUNS:-1}"
tools="${TOOLS:-hugo,eleventy,blackjanuary}"
stop="${STOP_SECONDS:-3600}"
max_mib="${MAX_MIB:-0}"
scratch="${BJ_BENCH_DIR:-${TMPDIR:-/tmp}}"
widths=(320 640 1024 1600)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
for package in hugo time libimage-exiftool-perl; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
command -v npm >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}"
  # The package lists may be missing or old on a fresh machine: update them only when needed.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" \
    || { as_root apt-get update && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"; } \
    || exit 1
fi

# Eleventy, Eleventy Image and sharp at the versions of package-lock.json; sharp also makes the photos.
# (Eleventy Image 7 needs Node 22; Debian 12 has Node 20, so 6.0.4 with sharp 0.33.5.)
modules="$here/eleventy/node_modules"
installed() {
  # Every package of package.json at its pinned version in node_modules.
  node -e '
    const [dir] = process.argv.slice(1);
    const { dependencies } = require(dir + "/package.json");
    for (const [name, version] of Object.entries(dependencies)) {
      try { if (require(dir + "/node_modules/" + name + "/package.json").version !== version) process.exit(1); }
      catch { process.exit(1); }
    }' "$here/eleventy"
}
if ! installed; then
  echo "Installing the packages of $here/eleventy/package-lock.json"
  (cd "$here/eleventy" && npm ci --no-audit --no-fund) || exit 1
fi
version_of() { node -p "require('$modules/$1/package.json').version"; }

cli="${BJ_CLI:-}"
if [[ ",$tools," == *,blackjanuary,* ]] && [ -z "$cli" ]; then
  echo "Building BlackJanuary (Release)"
  dotnet build "$root/src/BlackJanuary.Cli" -c Release --nologo -v quiet || exit 1
  cli="$root/src/BlackJanuary.Cli/bin/Release/net10.0/BlackJanuary.Cli.dll"
fi
ours=()
case "$cli" in
  "") ;;
  *.dll) ours=(dotnet "$cli") ;;
  *) ours=("$cli") ;;
esac

load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "Machine: $(nproc) cores, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo), $(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) memory, $(. /etc/os-release && echo "$PRETTY_NAME")"
echo "Hugo: $(hugo version 2>&1 | head -n 1) (no AVIF encoder)"
echo "Eleventy $(version_of @11ty/eleventy), Eleventy Image $(version_of @11ty/eleventy-img), sharp $(version_of sharp) (libvips $(node -p "require('$modules/sharp').versions.vips")), node $(node --version)"
[ ${#ours[@]} -gt 0 ] && echo "BlackJanuary: ${ours[*]} ($("${ours[@]}" --version 2>&1 | head -n 1)), commit $(git -C "$root" rev-parse --short HEAD)"
echo "exiftool $(exiftool -ver)"
echo "Load average at the start: $(load)"

# shellcheck source=lib.sh
. "$root/tests/bench/lib.sh"

# The photos: made once, reused by later runs (photos.mjs skips those already there; exiftool
# tags only photos without GPS). Two at a time, so that the machine keeps a core or two free.
photos="$scratch/images/photos"
mkdir -p "$photos"
echo
echo "== $photos_n photos in $photos"
(cd "$here/eleventy" && node "$here/photos.mjs" "$photos" "$photos_n" 2) || exit 1
exiftool -q -q -@ "$photos/tags.args" >"$photos/exiftool.log" 2>&1
names=()
for i in $(seq 1 "$photos_n"); do names+=("$(printf 'photo-%04d' "$i")"); done
tagged=$(cd "$photos" && exiftool -q -q -if '$GPSLatitude and $SerialNumber' -p '$FileName' "${names[@]/%/.jpg}" 2>/dev/null | wc -l)
if [ "$tagged" -ne "$photos_n" ]; then
  echo "only $tagged of $photos_n photos have GPS and serial tags; see $photos/exiftool.log"
  exit 1
fi
rotated=$(cd "$photos" && exiftool -q -q -if '$Orientation# == 6' -p '$FileName' "${names[@]/%/.jpg}" 2>/dev/null | wc -l)
read -r photo_bytes <<<"$(cd "$photos" && du -cb "${names[@]/%/.jpg}" | tail -n 1 | cut -f1)"
echo "photos: $photos_n, $photo_bytes bytes, all with camera, serial number and GPS tags, $rotated with Orientation 6"
# The photos' checksums, to find the ones a tool copies into its output unchanged.
(cd "$photos" && md5sum "${names[@]/%/.jpg}" | cut -d' ' -f1) | sort >"$photos/md5-$photos_n.txt"

work=$(mktemp -d "$scratch/bj-images-XXXXXX")
echo "sites and outputs in $work"
link() {
  # Hard links: no 2 GB copy per tool, and the page cache holds the photos once.
  ln "$1" "$2" 2>/dev/null || cp "$1" "$2"
}

# The sites, each written once: the content does not change between the cold and the warm build.
for tool in ${tools//,/ }; do
  site="$work/$tool"
  case "$tool" in
    hugo)
      mkdir -p "$site"
      cp -r "$here/hugo/." "$site/"
      for i in $(seq 1 "$photos_n"); do
        name=${names[$((i - 1))]}
        mkdir -p "$site/content/photos/$name"
        link "$photos/$name.jpg" "$site/content/photos/$name/$name.jpg"
        printf -- '---\ntitle: Photo %d\nalt: A generated photograph, number %d\n---\n' "$i" "$i" >"$site/content/photos/$name/index.md"
      done ;;
    eleventy)
      mkdir -p "$site/pages" "$site/photos"
      cp -r "$here/eleventy/eleventy.config.mjs" "$here/eleventy/_includes" "$here/eleventy/package.json" "$site/"
      ln -s "$modules" "$site/node_modules"
      for i in $(seq 1 "$photos_n"); do
        name=${names[$((i - 1))]}
        link "$photos/$name.jpg" "$site/photos/$name.jpg"
        printf -- '---\nlayout: photo.njk\ntitle: Photo %d\nphoto: %s.jpg\nalt: A generated photograph, number %d\n---\n' "$i" "$name" "$i" >"$site/pages/$name.md"
      done ;;
    blackjanuary)
      [ ${#ours[@]} -gt 0 ] || { echo "no BlackJanuary command"; exit 2; }
      mkdir -p "$site/content/pages" "$site/content/media"
      cat >"$site/content/site.yaml" <<YAML
title: Image benchmark
base_url: https://example.org/
language: en
images:
  widths: [$(IFS=,; echo "${widths[*]}" | sed 's/,/, /g')]
YAML
      # A site needs a home page (BJ1007); Hugo's site has one too (layouts/index.html).
      printf -- '---\ntitle: Image benchmark\n---\nPhotos, one a page.\n' >"$site/content/pages/index.md"
      for i in $(seq 1 "$photos_n"); do
        name=${names[$((i - 1))]}
        link "$photos/$name.jpg" "$site/content/media/$name.jpg"
        printf -- '---\ntitle: Photo %d\n---\n![A generated photograph, number %d](media/%s.jpg "Photo %d")\n' "$i" "$i" "$name" "$i" >"$site/content/pages/$name.md"
      done ;;
    *) echo "unknown tool $tool (hugo, eleventy, blackjanuary)"; exit 2 ;;
  esac
done

# timed NAME COMMAND...: runs COMMAND under GNU time (and STOP_SECONDS, MAX_MIB), its output in
# $work/NAME.log; sets status (124: stopped by time, 125: by memory), wall, mib (the higher of GNU
# time's peak and the sampled peak of the whole process tree) and the load around it.
timed() {
  local name=$1
  shift
  local stopper=()
  [ "$stop" != 0 ] && stopper=(timeout --kill-after=30 "$stop")
  sync
  load_before=$(load)
  rm -f "$work/too-big"
  /usr/bin/time -v -o "$work/$name.time" "${stopper[@]}" "$@" >"$work/$name.log" 2>&1 &
  local timer=$! tree=0 now
  while kill -0 "$timer" 2>/dev/null; do
    now=$(tree_mib "$timer")
    [ "$now" -gt "$tree" ] && tree=$now
    if [ "$max_mib" != 0 ] && [ "$now" -gt "$max_mib" ]; then
      # SIGTERM to time's child (timeout passes it on), so that time still reports the peak.
      touch "$work/too-big"
      kill -TERM $(ps -o pid= --ppid "$timer") 2>/dev/null
      break
    fi
    sleep 1
  done
  wait "$timer"
  status=$?
  [ -e "$work/too-big" ] && status=125
  load_after=$(load)
  wall=$(wall_seconds "$work/$name.time")
  mib=$(peak_mib "$work/$name.time")
  # User plus system seconds: less shaken by other work on the machine than the wall time.
  cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.0f", s }' "$work/$name.time")
  [ "$tree" -gt "${mib:-0}" ] && mib=$tree
}

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int(NR / 2) + 1] }'; }

# check TOOL OUT: the figures of an output folder, as "key=value" lines.
check() {
  local tool=$1 out=$2
  local list="$work/$tool-images.txt"
  find "$out" -type f \( -iname '*.jpg' -o -iname '*.jpeg' -o -iname '*.webp' -o -iname '*.avif' -o -iname '*.png' \) | sort >"$list"
  echo "files=$(wc -l <"$list")"
  echo "bytes=$(tr '\n' '\0' <"$list" | xargs -0 -r du -cb | awk '$2 == "total" { s += $1 } END { printf "%d", s }')"
  for ext in avif webp jpeg; do
    echo "$ext=$(grep -ciE "\.${ext/jpeg/jpe?g}\$" "$list")"
  done
  # Copies of the photos, found by checksum whatever their names.
  tr '\n' '\0' <"$list" | xargs -0 -r md5sum | sort | join - "$photos/md5-$photos_n.txt" | awk '{ print $2 }' >"$work/$tool-copies.txt"
  echo "copies=$(wc -l <"$work/$tool-copies.txt")"
  echo "copy_bytes=$(tr '\n' '\0' <"$work/$tool-copies.txt" | xargs -0 -r du -cb | awk '$2 == "total" { s += $1 } END { printf "%d", s }')"
  # Output images that still say where the photo was taken, or which camera took it.
  tr '\n' '\0' <"$list" | xargs -0 -r exiftool -q -q -if '$GPSLatitude or $GPSLongitude' -p '$Directory/$FileName' 2>/dev/null >"$work/$tool-gps.txt"
  tr '\n' '\0' <"$list" | xargs -0 -r exiftool -q -q -if '$SerialNumber' -p '$Directory/$FileName' 2>/dev/null >"$work/$tool-serial.txt"
  echo "gps=$(wc -l <"$work/$tool-gps.txt")"
  echo "gps_copies=$(sort "$work/$tool-gps.txt" | comm -12 - <(sort "$work/$tool-copies.txt") | wc -l)"
  echo "serial=$(wc -l <"$work/$tool-serial.txt")"
  # The page of photo 3 (stored landscape, Orientation 6): found by its alt text, the same in every site.
  local page
  page=$(grep -rlF --include='*.html' 'number 3"' "$out" | head -n 1)
  if [ -z "$page" ]; then
    echo "page="
    return
  fi
  echo "page=${page#"$out"/}"
  echo "pictures=$(grep -o '<picture' "$page" | wc -l)"
  echo "sources=$(grep -o '<source' "$page" | wc -l)"
  echo "types=$(grep -o 'type="image/[a-z]*"' "$page" | sed 's/type="image\/\(.*\)"/\1/' | paste -sd, -)"
  # Candidates of every srcset: "URL 640w" entries.
  echo "candidates=$(grep -oE 'srcset="[^"]*"' "$page" | grep -oE ' [0-9]+w' | wc -l)"
  # The largest candidate of the <img>'s (or the last) srcset, on disk: portrait if turned upright.
  local url file
  url=$(grep -oE 'srcset="[^"]*"' "$page" | tail -n 1 | sed 's/^srcset="//; s/"$//' | tr ',' '\n' | awk '{ w = $2 + 0; if (w >= best) { best = w; u = $1 } } END { print u }')
  url=${url#https://example.org}
  case "$url" in
    /*) file="$out$url" ;;
    *) file="$(dirname "$page")/$url" ;;
  esac
  file=${file%%[?#]*}
  if [ -f "$file" ]; then
    echo "largest=$(exiftool -q -q -p '${ImageWidth}x$ImageHeight' "$file" 2>/dev/null)"
  else
    echo "largest=not found: $url"
  fi
}

table="| tool | formats | photos | runs | cold s | cold CPU s | warm s | peak MiB | image files | image bytes | originals copied (bytes) | GPS in output | serial in output | photo 3's page |
|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|---|"
notes=""

for tool in ${tools//,/ }; do
  site="$work/$tool"
  case "$tool" in
    hugo)
      out="$site/public"
      cache="$site/cache"
      clear=("$site/resources" "$cache" "$out")
      command=(hugo --quiet -s "$site" -d "$out" --cacheDir "$cache")
      formats="webp, jpeg (no AVIF)" ;;
    eleventy)
      out="$site/out"
      clear=("$out" "$site/.cache")
      command=(env -C "$site" node "$site/node_modules/@11ty/eleventy/cmd.cjs" --quiet)
      formats="avif, webp, jpeg" ;;
    blackjanuary)
      out="$site/out"
      cache="$site/cache"
      clear=("$cache" "$out")
      command=("${ours[@]}" build --content "$site/content" --output "$out" --cache "$cache")
      formats="avif, webp, jpeg" ;;
  esac
  echo
  echo "== $tool: ${command[*]}"
  colds=() warms=() cold_cpus=() peak=0 failed=""
  for run in $(seq 1 "$runs"); do
    for kind in cold warm; do
      [ "$kind" = cold ] && rm -rf "${clear[@]}"
      timed "$tool-$run-$kind" "${command[@]}"
      echo "$tool, run $run, $kind: exit $status, ${wall} s (CPU ${cpu} s), peak ${mib} MiB (load $load_before → $load_after)"
      [ "${mib:-0}" -gt "$peak" ] && peak=$mib
      if [ "$status" -ne 0 ]; then
        [ "$status" -eq 124 ] && echo "  stopped after $stop s (STOP_SECONDS)"
        [ "$status" -eq 125 ] && echo "  stopped: its memory passed $max_mib MiB (MAX_MIB)"
        tail -n 20 "$work/$tool-$run-$kind.log" | sed 's/^/  | /'
        failed="$kind build exit $status"
        notes+="
- $tool, run $run, $kind: exit $status; last line: $(tail -n 1 "$work/$tool-$run-$kind.log")"
        break 2
      fi
      if [ "$kind" = cold ]; then colds+=("$wall"); cold_cpus+=("$cpu"); else warms+=("$wall"); fi
    done
  done
  declare -A f=()
  while IFS='=' read -r key value; do f[$key]=$value; done < <(check "$tool" "$out")
  echo "$tool output: ${f[files]} image files (avif ${f[avif]}, webp ${f[webp]}, jpeg ${f[jpeg]}), ${f[bytes]} bytes, ${f[copies]} copies of the photos (${f[copy_bytes]} bytes); GPS in ${f[gps]} (${f[gps_copies]} of them copies), serial number in ${f[serial]}"
  echo "$tool, photo 3's page ${f[page]:-not found}: ${f[pictures]:-0} <picture>, ${f[sources]:-0} <source> (${f[types]:-}), ${f[candidates]:-0} srcset candidates, largest derivative ${f[largest]:-?}"
  [ "${f[gps]}" -gt 0 ] && echo "  with GPS, for example: $(head -n 3 "$work/$tool-gps.txt" | sed "s|$out/||" | paste -sd' ')"
  cold=$( [ ${#colds[@]} -gt 0 ] && printf '%s\n' "${colds[@]}" | median || echo "–")
  cold_cpu=$( [ ${#cold_cpus[@]} -gt 0 ] && printf '%s\n' "${cold_cpus[@]}" | median || echo "–")
  warm=$( [ ${#warms[@]} -gt 0 ] && printf '%s\n' "${warms[@]}" | median || echo "–")
  gps="no"
  [ "${f[gps]}" -gt 0 ] && gps="yes: ${f[gps]} files, ${f[gps_copies]} of them copies of the photos"
  serial="no"
  [ "${f[serial]}" -gt 0 ] && serial="yes: ${f[serial]} files"
  upright="?"
  if [[ "${f[largest]:-}" =~ ^([0-9]+)x([0-9]+)$ ]]; then
    [ "${BASH_REMATCH[1]}" -lt "${BASH_REMATCH[2]}" ] && upright="upright" || upright="NOT upright"
  fi
  pagecheck="${f[pictures]:-0} picture, ${f[sources]:-0} source (${f[types]:-}), ${f[candidates]:-0} srcset w, largest ${f[largest]:-?} ($upright)"
  [ -n "$failed" ] && cold="$cold ($failed)"
  table+="
| $tool | $formats | $photos_n | ${#colds[@]} | $cold | $cold_cpu | $warm | $peak | ${f[files]} | ${f[bytes]} | ${f[copies]} (${f[copy_bytes]}) | $gps | $serial | $pagecheck |"
  unset f
done

echo
echo "Load average at the end: $(load)"
echo
echo "$photos_n photos ($photo_bytes bytes of JPEG, 12–24 MP, $rotated with Orientation 6), one a page, derivatives at widths ${widths[*]};"
echo "cold: the tool's cache (and output) removed; warm: a second build, cache and output kept. Median of RUNS=$runs."
echo "Image files and bytes: every .jpg, .jpeg, .webp, .avif, .png in the output, copies of the photos included (\"originals copied\")."
echo "Hugo $(hugo version | sed -n 's/^hugo v\([0-9.]*\).*/\1/p') has no AVIF encoder: WebP and JPEG only (8 derivatives a photo, the others 12)."
echo
echo "$table"
if [ -n "$notes" ]; then
  echo
  echo "Builds that failed or were stopped:$notes"
fi
if [ "${KEEP:-0}" = 1 ]; then
  echo
  echo "kept: $work"
else
  rm -rf "$work"
fi
