#!/usr/bin/env bash
# Rebuilds sessions/sample-practice.json with the real command line (`new`, then `add` for every
# note), then pins what depends on the clock — the id, the creation and note times, the
# position — so the file, and every export made from it, is the same on every run.
# Invented workshop, invented people. Needs cargo and python3. After running it, refresh the
# exports with: UPDATE_GOLDEN=1 cargo test --test golden
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet
bin=target/debug/cpm-workshop
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

id=$("$bin" --store "$tmp" new \
  --name "Manzanita County — CPM practice behaviors (sample)" \
  --deck practice --groups 4 --mode rotation \
  --group-names "Redwood,Poppy,Álamo,Quail")

add() { # add GROUP CATEGORY PROMPT TEXT [INITIALS]
  local initials=()
  if [ -n "${5:-}" ]; then initials=(--initials "$5"); fi
  local category=()
  if [ -n "$2" ]; then category=(--category "$2"); fi
  "$bin" --store "$tmp" add "$id" --group "$1" "${category[@]}" --prompt "$3" \
    "${initials[@]}" -- "$4" >/dev/null
}
F="Foundational" E="Engagement" A="Assessment" T="Teaming"
S="Service Planning & Delivery" X="Transition"

# Round 1 (rotation: group 1 Foundational, 2 Engagement, 3 Assessment, 4 Teaming)
add 1 "$F" already "Returning calls the same day, even when it's just to say I don't know yet."
add 1 "$F" enhance "Slow down and ask how people want to be addressed — names, pronouns, titles."
add 2 "$E" already "We text reminders the day before visits; parents say it helps 👍"
add 2 "$E" enhance "Meet where the parent is comfortable — park, library, café — not always the office."
add 3 "$A" already "Looking for protective capacities, not only risk: grandma picking the kids up from school counts."
add 3 "$A" enhance "Use the family's own timeline of events and put ours next to it."
add 4 "$T" already "Monthly huddle with the school social worker and the public health nurse."
add 4 "$T" enhance "Give the family the last word at the end of each CFT: what did we miss?"
# Round 2
add 1 "$E" already "Asking the family what's worked before, not just what went wrong."
add 1 "$E" enhance "Bring an interpreter to the first visit instead of relying on the kids to translate."
add 1 "$E" enhance 'Say "we", not "the department", when we talk about the plan.'
add 2 "$A" already "Ask kids directly what they want the judge to know."
add 2 "$A" enhance "#1 thing to add: a strength next to every concern in the court report."
add 3 "$T" already "ICWA partners invited from the first meeting, not after the detention hearing."
add 3 "$T" enhance "Ask the family who they trust and get that person on the team — a coach, a pastor, a neighbor."
add 4 "$S" already "Bus passes and childcare lined up before the first appointment."
add 4 "$S" enhance "Ask at every plan review what's still useful and what can stop."
# Round 3
add 1 "$A" already "Doing the genogram with the family at the kitchen table, not back at the office."
add 1 "$A" enhance "Revisit safety & well-being every month, not only when the court report is due."
add 2 "$T" already "Supervisors join the CFT when the team is stuck — to help, not to take it over."
add 2 "$T" enhance $'Send the meeting agenda to the family 2 days before\nand ask what they want to add.'
add 3 "$S" already "Found a parenting class taught in Mixteco; the family finished it."
add 3 "$S" enhance "Write plan steps a 12-year-old could read. No acronyms (FR, FM, CFT…)."
add 4 "$X" already "Youth-led transition conference before 18, with the people they chose."
add 4 "$X" enhance "Start transition planning at the first placement, not in the last month."
# Round 4
add 1 "$T" already "+1 on warm hand-offs: introducing the new worker in person at the CFT."
add 1 "$T" enhance "Invite the youth to pick who sits at the table for their CFT 🙂"
add 2 "$S" already "Matching referrals to what the parent said they need, not a standard packet."
add 2 "$S" enhance $'- Fewer services at once\n- Ones that fit around a work schedule'
add 3 "$X" already "Aftercare meeting with the family and their supports before the case closes."
add 3 "$X" enhance "Offer a check-in call 30 days after closing, if the family wants one."
add 4 "$F" already "Explaining the *why* behind a decision, in plain language."
add 4 "$F" enhance "Check my assumptions with a peer before a big decision 🤝"
# Round 5
add 1 "$S" already "Plans written in the family's words — in Spanish when that's the family's language."
add 1 "$S" enhance "Check in after the referral: did the service actually start? Was the bus route doable?"
add 2 "$X" already "Youth leave with their documents (birth certificate, SSN card, medical records) before 18."
add 2 "$X" enhance "Plan the goodbye when a worker changes: a last visit together, not just a letter."
add 3 "$F" already "Being honest about what I can and can't do, from the first call."
add 3 "$F" enhance "Thank-you notes to resource parents ❤️"
add 4 "$E" already "Calling dads and paternal relatives from day one."
add 4 "$E" enhance "Ask parents how they'd like updates: text, call, email or in person."
# Round 6
add 1 "$X" already "Closing letters that name what the family did well."
add 1 "$X" enhance "Connect families to informal supports (church, tías, neighbors) before we close."
add 2 "$F" already "Owning it when I'm late with paperwork, and saying what I'll do about it."
add 2 "$F" enhance "Curiosity over judgment in unit meetings too — with each other, not just with families."
add 3 "$E" already "Sitting at eye level with kids and letting them show me their room first."
add 3 "$E" enhance "Learn a few words of the family's language: «buenos días» goes a long way."
add 4 "$A" already "Reading the whole file before the first visit, then asking the family to correct it."
add 4 "$A" enhance "Culture & faith as strengths in the assessment, not a checkbox."
# Commitments
add 1 "" commitment "Ask one family a week what's working for them before I ask about concerns." MR
add 1 "" commitment "Return every call within 24 h, even if it's only to say I'm still checking." JT
add 1 "" commitment "Use the genogram at my next three home visits." AL
add 2 "" commitment "Meet one parent somewhere other than the office this month." DK
add 2 "" commitment "Ask every youth on my caseload what they want the judge to know." SP
add 2 "" commitment "Send CFT agendas two days ahead." RG
add 3 "" commitment "Put grandma and the neighbors on the next CFT invite list." LC
add 3 "" commitment "No acronyms in my next case plan." NV
add 4 "" commitment "Call the dad on every new case in week one." TB
add 4 "" commitment "Ask each family how they want to get updates." EH
add 4 "" commitment "Talk a hard decision through with a peer before I make it."

python3 - "$tmp/$id.json" sessions/sample-practice.json <<'PY'
import json, sys
from datetime import datetime, timedelta
src, dst = sys.argv[1], sys.argv[2]
s = json.load(open(src, encoding="utf-8"))
tz = "-08:00"  # a November morning in California
start = datetime(2026, 11, 19, 9, 5)
def stamp(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S") + tz
s["id"] = "sample-practice"
s["created"] = stamp(datetime(2026, 11, 19, 8, 40))
cats = s["categories"]
seen = {}
for n in s["notes"]:
    g = n["group"] - 1
    if n["prompt"] == "commitment":
        key = ("commitment", g)
        base = datetime(2026, 11, 19, 10, 26) + timedelta(minutes=g)
    else:
        rnd = (cats.index(n["category"]) - g) % len(cats)
        key = (rnd, g, n["prompt"])
        base = start + timedelta(minutes=13 * rnd + (3 if n["prompt"] == "already" else 9))
    k = seen.get(key, 0)
    seen[key] = k + 1
    n["created"] = stamp(base + timedelta(seconds=40 * k + 7 * g))
s["updated"] = stamp(datetime(2026, 11, 19, 10, 41))
s["position"] = len(cats) * 5 + 1  # the wrap-up step
with open(dst, "w", encoding="utf-8") as f:
    f.write(json.dumps(s, indent=2, ensure_ascii=False) + "\n")
PY
echo "Wrote sessions/sample-practice.json ($(grep -c '"text"' sessions/sample-practice.json) notes)"
