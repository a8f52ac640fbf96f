#!/usr/bin/env bash
# Rebuilds sessions/sample-values.json with the real command line (`new --activity values`,
# `vote --value --mark` for the show of hands, `add --group --value` for the notes on why), then
# pins what depends on the clock (id, times). Invented leadership team. Needs cargo and python3.
# After running it, refresh the exports with: UPDATE_GOLDEN=1 cargo test --test golden
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet
bin=target/debug/cpm-workshop
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

id=$("$bin" --store "$tmp" new --activity values --groups 3 \
  --name "Manzanita County — values check (sample)")

hands() { "$bin" --store "$tmp" vote "$id" --value "$1" --mark "$2" --count "$3" >/dev/null; }
add() { "$bin" --store "$tmp" add "$id" --group "$1" --value "$2" -- "$3" >/dev/null; }

# A show of hands per value (12 people): 1 lived every day, 2 needs strengthening.
hands 1 1 9;  hands 1 2 3
hands 2 1 5;  hands 2 2 7
hands 3 1 8;  hands 3 2 4
hands 4 1 6;  hands 4 2 6
hands 5 1 4;  hands 5 2 8
hands 6 1 3;  hands 6 2 9
hands 7 1 10; hands 7 2 2
hands 8 1 5;  hands 8 2 7
hands 9 1 2;  hands 9 2 10
hands 10 1 6; hands 10 2 6
hands 11 1 4; hands 11 2 8

add 1 2 "Parents tell us we listen, but the CFT agenda is still ours."
add 2 5 "We name strengths in court reports; concerns come out first in visits."
add 3 6 "Interpreters are booked late; culture comes up only when there's a problem."
add 1 7 "Reunification numbers are up — staff believe families change."
add 2 9 "? Can we get the training unit back to full strength before spring?"
add 3 9 "New workers leave within a year; exit interviews say: no coaching."
add 1 11 "Case reviews feel like audits, not learning."

"$bin" --store "$tmp" export "$id" --format json > "$tmp/raw.json"
python3 - "$tmp/raw.json" sessions/sample-values.json <<'PY'
import json, sys
from datetime import datetime, timedelta
src, dst = sys.argv[1], sys.argv[2]
s = json.load(open(src, encoding="utf-8"))
tz = "-08:00"
def stamp(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S") + tz
s["id"] = "sample-values"
s["created"] = stamp(datetime(2026, 11, 21, 14, 0))
s["updated"] = stamp(datetime(2026, 11, 21, 15, 10))
rounds = s["rounds"]
for i, n in enumerate(rounds["notes"]):
    n["created"] = stamp(datetime(2026, 11, 21, 14, 10) + timedelta(minutes=5 * i))
rounds["page"] = len(rounds["items"]) * len(rounds["steps"]) + 1  # the summary
with open(dst, "w", encoding="utf-8") as f:
    f.write(json.dumps(s, indent=2, ensure_ascii=False) + "\n")
PY
echo "Wrote sessions/sample-values.json"
