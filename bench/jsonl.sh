#!/usr/bin/env bash
# Throughput of `eligibility eval --jsonl`: a million answer sets for the Netflix–Audiens
# fund through the release binary, one result a line. The sets are the same on every
# run (from the line number alone): every kind of answer, some questions left open,
# and about one line in a hundred refused (a day count past 366), so that error lines
# are measured too. COUNT=… changes the number of lines.
#   bench/jsonl.sh        prints lines, seconds and lines per second
set -euo pipefail
cd "$(dirname "$0")/.."

count=${COUNT:-1000000}
dir=${CARGO_TARGET_DIR:-target}
mkdir -p "$dir/bench"
input="$dir/bench/answers-$count.jsonl"
output="$dir/bench/results-$count.jsonl"

cargo build --quiet --release --bin eligibility
if [ ! -s "$input" ]; then
  awk -v n="$count" 'BEGIN {
    split("artist technician other", jobs, " ")
    for (i = 1; i <= n; i++) {
      line = ""
      if (i % 4 != 0) line = line sprintf(",\"profession\":\"%s\"", jobs[i % 3 + 1])
      if (i % 3 != 0) line = line sprintf(",\"rights_not_renewed_since_2020\":%s", (i % 2 ? "true" : "false"))
      if (i % 5 == 1) line = line ",\"no_rights_opened_2019\":true"
      if (i % 6 != 0) line = line sprintf(",\"days_worked\":%d", (i * 13) % 370)
      if (i % 7 != 0) line = line sprintf(",\"works_on_netflix_production\":%s", (i % 11 == 0 ? "true" : "false"))
      if (i % 2 == 0) line = line sprintf(",\"annual_resources\":\"%d.%02d\"", (i * 7919) % 30000, i % 100)
      print "{" substr(line, 2) "}"
    }
  }' > "$input"
fi

start=$(date +%s%N)
"$dir/release/eligibility" eval --jsonl netflix-audiens-2020 --today 2020-04-15 < "$input" > "$output"
end=$(date +%s%N)

lines=$(wc -l < "$output")
errors=$(grep -c '^{"line":' "$output" || true)
awk -v l="$lines" -v e="$errors" -v ns="$((end - start))" 'BEGIN {
  printf "eval --jsonl: %d lines (%d refused) in %.2f s: %d lines/s\n", l, e, ns / 1e9, l / (ns / 1e9)
}'
