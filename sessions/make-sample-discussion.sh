#!/usr/bin/env bash
# Rebuilds sessions/sample-discussion.json with the real command line (`new --activity
# discussion`, then `add --group --question` for every note), then pins what depends on the
# clock (id, times) so the file and its exports are the same on every run. Invented workshop.
# Needs cargo and python3. After running it, refresh the exports with:
# UPDATE_GOLDEN=1 cargo test --test golden
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet
bin=target/debug/cpm-workshop
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

id=$("$bin" --store "$tmp" new --activity discussion --groups 3 \
  --name "Manzanita County — CPM overview discussion (sample)" \
  --group-names "Redwood,Poppy,Álamo")

add() { "$bin" --store "$tmp" add "$id" --group "$1" --question "$2" -- "$3" >/dev/null; }

# 1. What have you heard about the Core Practice Model that you value?
add 1 1 "It puts the family's voice first, in every meeting."
add 1 1 "Same language for leaders and line staff."
add 2 1 "The behaviors are concrete: you can see them in a home visit."
add 3 1 "Teaming with partners is the norm, not the exception 🤝"
# 2. In what ways do you think it might lead to improved child welfare casework in California?
add 1 2 "Fewer surprises for families: they know what to expect from any worker."
add 2 2 "? Will the practice behaviors be part of our performance reviews?"
add 3 2 "Better hand-offs between ER and ongoing units."
add 3 2 "Supervisors coaching to the same model across counties."
# 3. Do you have any worries about CPM? (every note here is followed up)
add 1 3 "Caseloads: the behaviors take time we don't have."
add 2 3 "Another initiative on top of SOP and CFTs?"
add 3 3 "Partners were not in the room when this was planned."
# 4. Any questions about CPM? (every note here is followed up)
add 1 4 "Who coaches the coaches?"
add 2 4 "How do we measure whether it's working — which data?"

"$bin" --store "$tmp" export "$id" --format json > "$tmp/raw.json"
python3 - "$tmp/raw.json" sessions/sample-discussion.json <<'PY'
import json, sys
from datetime import datetime, timedelta
src, dst = sys.argv[1], sys.argv[2]
s = json.load(open(src, encoding="utf-8"))
tz = "-08:00"  # a November morning in California
def stamp(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S") + tz
s["id"] = "sample-discussion"
s["created"] = stamp(datetime(2026, 11, 18, 10, 0))
s["updated"] = stamp(datetime(2026, 11, 18, 10, 55))
rounds = s["rounds"]
for i, n in enumerate(rounds["notes"]):
    n["created"] = stamp(datetime(2026, 11, 18, 10, 5) + timedelta(minutes=3 * i))
rounds["page"] = len(rounds["items"]) * len(rounds["steps"]) + 1  # the summary
with open(dst, "w", encoding="utf-8") as f:
    f.write(json.dumps(s, indent=2, ensure_ascii=False) + "\n")
PY
echo "Wrote sessions/sample-discussion.json"
