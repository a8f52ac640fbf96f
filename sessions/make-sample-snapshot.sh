#!/usr/bin/env bash
# Rebuilds sessions/sample-snapshot.json with the real command line (`new --activity snapshot`,
# `vote`, `add --dimension --heading`), then pins what depends on the clock (id, times) and
# places the room's dots, which are entered in the app rather than on the command line.
# Invented leadership team. Needs cargo and python3. After running it, refresh the exports with:
# UPDATE_GOLDEN=1 cargo test --test golden
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet
bin=target/debug/cpm-workshop
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

id=$("$bin" --store "$tmp" new --activity snapshot \
  --name "Manzanita County — Snapshot warm-up (sample)")

vote() { "$bin" --store "$tmp" vote "$id" --dimension "$1" --stage "$2" --count "$3" >/dev/null; }
add() { "$bin" --store "$tmp" add "$id" --dimension "$1" --heading "$2" -- "$3" >/dev/null; }

# Where are we now? A show of hands per dimension (11 people in the room).
vote 1 1 2; vote 1 2 8; vote 1 3 1
vote 2 1 6; vote 2 2 4; vote 2 3 1
vote 3 1 9; vote 3 2 2
vote 4 1 3; vote 4 2 6; vote 4 3 2

add 1 strengths "Directors and managers meet monthly on CPM implementation."
add 1 opportunities "Leadership behaviors in performance reviews."
add 1 feasibility "Two managers retire this spring; plan the hand-over."
add 2 strengths "New-worker academy already teaches the practice behaviors."
add 2 opportunities "Protected coaching time for supervisors."
add 2 feasibility "Training unit is down one trainer until March."
add 3 strengths "Monthly CFT meeting counts are reviewed by every unit."
add 3 opportunities "Dashboards staff can read — fewer acronyms, more trends."
add 3 feasibility "IT request queue is about six months long."
add 4 strengths "Tribal partners sit on the implementation team."
add 4 opportunities "Invite tribal partners to planning (ask the ICWA liaison)."
add 4 opportunities "Quarterly breakfast with community providers on CPM."
add 4 feasibility "Providers' contracts renew in July: a natural moment to align."

"$bin" --store "$tmp" export "$id" --format json > "$tmp/raw.json"
python3 - "$tmp/raw.json" sessions/sample-snapshot.json <<'PY'
import json, sys
from datetime import datetime, timedelta
src, dst = sys.argv[1], sys.argv[2]
s = json.load(open(src, encoding="utf-8"))
tz = "-08:00"  # a November afternoon in California
def stamp(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S") + tz
s["id"] = "sample-snapshot"
s["created"] = stamp(datetime(2026, 11, 20, 13, 0))
s["updated"] = stamp(datetime(2026, 11, 20, 14, 25))
snap = s["snapshot"]
for i, n in enumerate(snap["notes"]):
    n["created"] = stamp(datetime(2026, 11, 20, 13, 20) + timedelta(minutes=3 * i))
# The dot vote: 11 people, 3 dots each.
dots = {2: 6, 5: 9, 8: 7, 11: 6, 12: 5}
for n in snap["notes"]:
    if n["id"] in dots:
        n["dots"] = dots[n["id"]]
snap["room_size"] = 11
snap["page"] = len(snap["dimensions"]) * 2 + 4 + 5  # the summary, after the five planning pages
with open(dst, "w", encoding="utf-8") as f:
    f.write(json.dumps(s, indent=2, ensure_ascii=False) + "\n")
PY
echo "Wrote sessions/sample-snapshot.json"
