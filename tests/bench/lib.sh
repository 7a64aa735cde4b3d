# Helpers the benchmark scripts share (people.sh, search.sh): read GNU time's report and measure
# a running process tree. Sourced, not run.

# The seconds of an "Elapsed (wall clock) time (h:mm:ss or m:ss): 1:02.34" line of GNU time.
wall_seconds() {
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$1"
}
# The peak resident memory, in MiB, of GNU time's "Maximum resident set size" line.
peak_mib() {
  awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"
}
# The resident memory, in MiB, of process $1 and all its descendants.
tree_mib() {
  ps -eo pid=,ppid=,rss= | awk -v root="$1" '
    { parent[$1] = $2; rss[$1] = $3 }
    END {
      for (p in parent) { q = p; while (q != root && q in parent && q > 1) q = parent[q]; if (q == root) total += rss[p] }
      printf "%d", total / 1024
    }'
}
