#!/usr/bin/env bash
# Rebuilds sessions/sample-plan.json: the Snapshot sample carried on into the draft CPM
# Implementation Plan with the real command line (`plan`). One plan is made while the
# facilitator had four priorities and then set aside by going back to three, as happens when a
# room changes its mind. Pins what depends on the clock. Dates must lie ahead of the day it runs.
# Needs cargo and python3. After running it, refresh the exports with:
# UPDATE_GOLDEN=1 cargo test --test golden
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet
bin=target/debug/cpm-workshop
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - sessions/sample-snapshot.json "$tmp/sample-plan.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1], encoding="utf-8"))
s["id"] = "sample-plan"
s["name"] = "Manzanita County — Snapshot to Plan (sample)"
s["snapshot"]["priority_count"] = 4
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write(json.dumps(s, indent=2, ensure_ascii=False) + "\n")
PY

plan() { "$bin" --store "$tmp" plan sample-plan "$@" >/dev/null; }

plan --horizon "18 months (to June 2028), then a new Snapshot"
plan --priority 1 --success "Every supervisor has two protected hours a week for coaching, and staff say in the spring survey that coaching helps them use the practice behaviors."
plan --priority 1 --action "Agree the protected hours with the managers' group" --who "Deputy Director, Children's Services" --by 2027-01-29
plan --priority 1 --action "Coaching circles for supervisors, monthly (ask the Regional Training Academy for a coach)" --who "Training unit" --by 2027-03-31
plan --priority 1 --action "Add \"coaching time kept?\" to the monthly unit report" --who "Program managers"
plan --priority 1 --monitor 2027-06-30
plan --priority 1 --support "Regional Training Academy coaching; peer supervisors from a neighbouring county."
plan --priority 2 --success "Each unit reads one page of trends each month — CFT meetings, visits & placements — with no acronym left unexplained."
plan --priority 2 --action "Draft the one-page <unit trends> report | try it with two units" --who "Data analyst & two unit supervisors" --by 2027-04-30
plan --priority 2 --action "Ask IT to schedule the report monthly"
plan --priority 2 --monitor 2027-09-30
plan --priority 3 --success "Managers' reviews name two leadership behaviors each year."
plan --priority 4 --success "Tribal partners help write the next plan."
plan --priority 4 --action "Ask the ICWA liaison who to invite" --who "Director" --by 2027-01-15

python3 - "$tmp/sample-plan.json" sessions/sample-plan.json <<'PY'
import json, sys
s = json.load(open(sys.argv[1], encoding="utf-8"))
s["updated"] = "2026-11-20T15:10:00-08:00"
snap = s["snapshot"]
snap["priority_count"] = 3  # back to three: the fourth priority's plan is set aside
snap["page"] = len(snap["dimensions"]) * 2 + 4  # the first planning page
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write(json.dumps(s, indent=2, ensure_ascii=False) + "\n")
PY
echo "Wrote sessions/sample-plan.json"
