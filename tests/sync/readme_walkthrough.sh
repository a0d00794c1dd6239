#!/usr/bin/env bash
# The README walkthrough, run for real. This script mirrors README.md "Running a hub and enrolling laptops" command
# for command: the `$hub`, `$syncd` and `$abri` lines are the README's, the rest are the checks. Change both together.
#
# A hub on 127.0.0.1; laptops a1 and a2 of office TST-AAA and b1 of office TST-BBB, each its own vault. Enrol them,
# edit offline, sync, see the merged result and the conflict on both A laptops and on the hub, check that office
# TST-BBB never receives office TST-AAA's case (nor the other way round), let a supervisor resolve the conflict,
# then carry an edit on a folder (the USB stick path) instead of the network, review duplicates, and erase a case at
# the person's request.
#
# Usage: readme_walkthrough.sh ABRI_HUB ABRI_SYNCD ABRI_CLI    (registered with CTest as sync_readme_walkthrough)
# Every check prints what failed and exits non-zero. Needs bash, grep, awk only. All names are synthetic.
#
# The vaults and the hub use the default Argon2id cost, as a newcomer following README does: every command that
# unlocks pays ~0.5 s, so the whole walkthrough takes ~45 s on a 2-core machine.
# shellcheck disable=SC2086  # $name, $code ... unquoted as README shows them: simple words
set -Eeuo pipefail
# A command that fails says why on stderr; this names the line of the walkthrough it was.
trap 'echo "FAILED: line $LINENO: $BASH_COMMAND" >&2' ERR

if [[ $# -ne 3 ]]; then
    echo "usage: $0 ABRI_HUB ABRI_SYNCD ABRI_CLI" >&2
    exit 2
fi
hub=$1
syncd=$2
abri=$3

work=$(mktemp -d "${TMPDIR:-/tmp}/abri-walkthrough.XXXXXX")
hub_pid=""
cleanup() {
    local status=$?
    if [[ -n $hub_pid ]]; then
        kill "$hub_pid" 2>/dev/null || true
        wait "$hub_pid" 2>/dev/null || true
    fi
    if [[ $status -ne 0 && -f $work/hub.log ]]; then
        echo "--- last lines of the hub log:" >&2
        tail -n 20 "$work/hub.log" >&2 || true
    fi
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
cd "$work"

fail() {
    echo "FAILED: $*" >&2
    exit 1
}
# expect TEXT WHAT / expect_not TEXT WHAT: the last output ($out) does / does not contain TEXT.
expect() {
    [[ $out == *"$1"* ]] || fail "$2: expected '$1' in:"$'\n'"$out"
}
expect_not() {
    [[ $out != *"$1"* ]] || fail "$2: did not expect '$1' in:"$'\n'"$out"
}
# last_word_of REGEX: the last word of the first line of $out matching REGEX (a value in `case show`, `conflicts`).
last_word_of() {
    local line
    line=$(grep -m1 -E -- "$1" <<<"$out") || fail "no line with '$1' in:"$'\n'"$out"
    echo "${line##* }"
}
step() { echo "== $*"; }

# ---- The hub ----------------------------------------------------------------------------------------------------
step "hub: init, serve"
export ABRI_HUB_PASSPHRASE='Fake-Hub-Passphrase-For-The-Walkthrough'
$hub init hub --name "Region Test" --address 127.0.0.1:7412
$hub serve hub --listen 127.0.0.1:0 --port-file hub.port 2>hub.log &
hub_pid=$!
# README's wait for the port file, bounded here, and failing if the hub exits instead.
for _ in $(seq 1 300); do
    [[ -s hub.port ]] && break
    kill -0 "$hub_pid" 2>/dev/null || fail "abri-hub serve exited at start"
    sleep 0.05
done
[[ -s hub.port ]] || fail "abri-hub serve wrote no port file"
until [ -s hub.port ]; do sleep 0.1; done; port=$(cat hub.port)

# ---- Laptops ----------------------------------------------------------------------------------------------------
umask 077
printf '%s\n' 'Admin-Fake-Password-11' >admin.pw
printf '%s\n' 'Worker-Fake-Password-22' >worker.pw
printf '%s\n' 'Super-Fake-Password-33' >super.pw
[[ $(stat -c %a worker.pw) == 600 ]] || fail "password files should be readable by their owner only"

# laptop NAME OFFICE ROLE: a vault with an administrator, a caseworker and a supervisor, enrolled with the hub.
laptop() {
    local name=$1 office=$2 role=$3 token
    step "laptop $name of office $office ($role): init, users, enrol"
    $abri init $name.abri --office $office --admin testadmin --password-file admin.pw >$name.recovery
    $abri user add $name.abri --user testadmin --password-file admin.pw \
        --new-user testworker --role caseworker --new-password-file worker.pw
    $abri user add $name.abri --user testadmin --password-file admin.pw \
        --new-user testsuper --role supervisor --new-password-file super.pw
    token=$($hub enroll hub --office $office --role $role)
    $abri enroll $name.abri "$token" --user testadmin --password-file admin.pw \
        --label laptop-$name --address 127.0.0.1:$port
}
# sync_laptop NAME: what happens whenever there is a link. The app seals and applies; the daemon carries.
sync_laptop() {
    local name=$1
    $abri sync $name.abri --user testworker --password-file worker.pw
    $syncd $name.abri.sync --once
    $abri sync $name.abri --user testworker --password-file worker.pw
}

laptop a1 TST-AAA supervisor
laptop b1 TST-BBB caseworker

# ---- Each office registers a case, then syncs -------------------------------------------------------------------
step "a1 and b1 each register a case, then sync"
printf '%s\n' '{"person": {"given_name": "Testname", "family_name": "Walkthrough", "gender": "female"}}' >a-case.json
printf '%s\n' '{"person": {"given_name": "Testname", "family_name": "Bravo-Office", "gender": "male"}}' >b-case.json
out=$($abri case add a1.abri --user testworker --password-file worker.pw a-case.json)
echo "$out"
code=$(awk '/^Created case/ {print $3}' <<<"$out")
out=$($abri case add b1.abri --user testworker --password-file worker.pw b-case.json)
echo "$out"
b_code=$(awk '/^Created case/ {print $3}' <<<"$out")
[[ $code == TST-AAA-* && $b_code == TST-BBB-* ]] || fail "case add printed no case codes ('$code', '$b_code')"
sync_laptop a1
sync_laptop b1

# ---- A second laptop of office TST-AAA receives the case --------------------------------------------------------
laptop a2 TST-AAA caseworker
sync_laptop a2
out=$($abri case list a2.abri --user testworker --password-file worker.pw)
expect "$code" "a2's case list after its first sync"
expect "Cases 1-1 of 1." "a2's case list after its first sync"

# ---- Both A laptops change the same field offline; then everyone syncs ------------------------------------------
step "a1 and a2 change the family name offline, to different values"
$abri case set a1.abri --user testworker --password-file worker.pw $code person.family_name Fakename-One
$abri case set a2.abri --user testworker --password-file worker.pw $code person.family_name Fakename-Two
step "sync a1, a2, a1 again (to get what a2 sent), and b1"
sync_laptop a1
sync_laptop a2
sync_laptop a1
sync_laptop b1

step "check: both A laptops show the same merged value"
out=$($abri case show a1.abri --user testworker --password-file worker.pw $code --reveal)
merged_a1=$(last_word_of person.family_name)
out=$($abri case show a2.abri --user testworker --password-file worker.pw $code --reveal)
merged_a2=$(last_word_of person.family_name)
[[ $merged_a1 == "$merged_a2" ]] || fail "a1 shows '$merged_a1' but a2 shows '$merged_a2' after syncing"
case $merged_a1 in
    Fakename-One) losing=Fakename-Two ;;
    Fakename-Two) losing=Fakename-One ;;
    *) fail "the merged family name '$merged_a1' is neither edit" ;;
esac

step "check: abri-cli conflicts shows the one conflict on both A laptops (values masked unless --reveal)"
for name in a1 a2; do
    out=$($abri conflicts $name.abri --user testworker --password-file worker.pw)
    echo "$out"
    expect "$code" "conflicts on $name"
    expect "person.family_name" "conflicts on $name"
    expect "[hidden]" "conflicts on $name"
    expect_not "Fakename" "conflicts on $name (sensitive values are masked)"
    [[ $(grep -cE "^[0-9]+ +$code " <<<"$out") == 1 ]] || fail "$name should list exactly one open conflict"
done
out=$($abri conflicts a1.abri --user testworker --password-file worker.pw --reveal)
echo "$out"
winning=$(last_word_of "^[0-9]+ +$code .* winning ")
[[ $winning == "$merged_a1" ]] || fail "conflicts --reveal: the winning value is not the merged one"
[[ $(last_word_of '^ +losing ') == "$losing" ]] || fail "conflicts --reveal: losing value is not the other edit"
conflict_id=$(awk -v code="$code" '$2 == code {print $1; exit}' <<<"$out")

step "check: the hub shows the conflict by identity, never by value"
out=$($hub conflicts hub --office TST-AAA)
echo "$out"
expect "field=person.family_name" "abri-hub conflicts"
expect "conflicts 1" "abri-hub conflicts"
expect_not "Fakename" "abri-hub conflicts"
out=$($hub devices hub)
echo "$out"
[[ $(grep -c ' active ' <<<"$out") == 3 ]] || fail "abri-hub devices should list the three laptops as active"

step "check: office TST-BBB never received office TST-AAA's case, nor the other way round"
out=$($abri case list b1.abri --user testworker --password-file worker.pw)
expect "$b_code" "b1's case list"
expect "Cases 1-1 of 1." "b1's case list"
expect_not "$code" "b1's case list"
for name in a1 a2; do
    out=$($abri case list $name.abri --user testworker --password-file worker.pw)
    expect "Cases 1-1 of 1." "$name's case list"
    expect_not "$b_code" "$name's case list"
done

# ---- A supervisor keeps the losing value ------------------------------------------------------------------------
step "a supervisor on a1 keeps the losing value; the choice syncs like an edit"
$abri conflicts resolve a1.abri $conflict_id --user testsuper --password-file super.pw --keep losing
sync_laptop a1
sync_laptop a2
for name in a1 a2; do
    out=$($abri case show $name.abri --user testworker --password-file worker.pw $code --reveal)
    [[ $(last_word_of person.family_name) == "$losing" ]] || fail "$name does not show the value the supervisor kept"
    out=$($abri conflicts $name.abri --user testworker --password-file worker.pw)
    expect "No open conflicts." "conflicts on $name after the resolution"
done
out=$($hub conflicts hub --office TST-AAA)
expect "conflicts 0" "abri-hub conflicts after the resolution"

step "check: a1, a2 and the hub hold the same state of office A; b1 another"
out=$($hub state hub --office TST-AAA)
hub_hash=$(awk '{print $NF}' <<<"$out")
[[ ${#hub_hash} -eq 64 ]] || fail "abri-hub state printed no hash: $out"
for name in a1 a2; do
    out=$($abri state $name.abri --user testworker --password-file worker.pw)
    expect "state_hash $hub_hash" "state of $name against the hub's"
    expect "pending_changes 0" "nothing left to send on $name"
done
out=$($abri state b1.abri --user testworker --password-file worker.pw)
expect_not "state_hash $hub_hash" "state of b1 (another office)"
out=$($hub verify-state hub)
expect "differences 0" "abri-hub verify-state: the merged state equals a rebuild"

# ---- Without a link: the same files on a folder (a USB stick) ---------------------------------------------------
step "usb: a1 edits and exports to a folder; the hub imports it; a1 imports the hub's answer"
mkdir usb
$abri case set a1.abri --user testworker --password-file worker.pw $code status under_assistance
$abri bundle export a1.abri --user testworker --password-file worker.pw usb
$hub import hub usb
$abri bundle import a1.abri --user testworker --password-file worker.pw usb

step "check: a2 gets the edit at its next sync"
sync_laptop a2
out=$($abri case show a2.abri --user testworker --password-file worker.pw $code)
[[ $(last_word_of '^  status ') == under_assistance ]] || fail "a2 did not receive the status carried on the folder"

# ---- Duplicate cases at the hub ---------------------------------------------------------------------------------
step "duplicates: a1 and b1 register the same person; the hub lists the pair by code, never by name, then dismisses it"
printf '%s\n' '{"person": {"given_name": "Testname", "family_name": "Samefake", "gender": "female",
  "date_of_birth": "1990-01-02", "citizenship": "TN"}}' >a-same.json
printf '%s\n' '{"person": {"given_name": "Samefake", "family_name": "Testname", "gender": "female",
  "date_of_birth": "1990-01-02", "citizenship": "TN"}}' >b-same.json
out=$($abri case add a1.abri --user testworker --password-file worker.pw a-same.json)
a_same=$(awk '/^Created case/ {print $3}' <<<"$out")
out=$($abri case add b1.abri --user testworker --password-file worker.pw b-same.json)
b_same=$(awk '/^Created case/ {print $3}' <<<"$out")
[[ $a_same == TST-AAA-* && $b_same == TST-BBB-* ]] || fail "case add printed no case codes ('$a_same', '$b_same')"
sync_laptop a1
sync_laptop b1
out=$($hub duplicates hub)
echo "$out"
expect "case_a=$a_same office_a=TST-AAA case_b=$b_same office_b=TST-BBB agree=name,date_of_birth,sex,citizenship" \
    "abri-hub duplicates lists the planted pair"
expect "candidates 1 " "abri-hub duplicates: only the planted pair"
expect_not "Samefake" "abri-hub duplicates never prints names"
out=$($hub duplicates dismiss hub $a_same $b_same)
expect "dismissed $a_same $b_same" "abri-hub duplicates dismiss"
out=$($hub duplicates hub)
expect "candidates 0 " "the dismissed pair is not listed again"
expect "dismissed_not_shown 1" "abri-hub duplicates counts the dismissed pair"
$hub duplicates dismiss hub $a_same $b_same && fail "a pair dismissed twice must be refused"

step "duplicates: a planted pair is flagged, then merged; both offices converge on one person"
printf '%s\n' '{"person": {"given_name": "Mergefake", "family_name": "Testperson", "gender": "male",
  "date_of_birth": "1988-07-09", "citizenship": "MA"},
  "items": [{"kind": "note", "text": "Synthetic note at office A."}]}' >a-dup.json
printf '%s\n' '{"person": {"given_name": "Mergefake", "family_name": "Testperson", "gender": "male",
  "date_of_birth": "1988-07-09"},
  "items": [{"kind": "event", "type": "recruitment", "date": "2024-11-03", "country": "MA"}]}' >b-dup.json
out=$($abri case add a1.abri --user testworker --password-file worker.pw a-dup.json)
a_dup=$(awk '/^Created case/ {print $3}' <<<"$out")
out=$($abri case add b1.abri --user testworker --password-file worker.pw b-dup.json)
b_dup=$(awk '/^Created case/ {print $3}' <<<"$out")
sync_laptop a1
sync_laptop b1
out=$($hub duplicates hub)
echo "$out"
expect "case_a=$a_dup office_a=TST-AAA case_b=$b_dup office_b=TST-BBB" "abri-hub duplicates lists the planted pair"
out=$($hub duplicates flag hub $a_dup $b_dup)
expect "flagged $a_dup $b_dup" "abri-hub duplicates flag"
sync_laptop b1
out=$($abri case show b1.abri --user testworker --password-file worker.pw $b_dup)
[[ $(last_word_of '^  possible_duplicate_of ') == "$a_dup" ]] || fail "b1 does not show the possible duplicate"
out=$($hub duplicates merge hub $a_dup $b_dup)
expect "merged $a_dup $b_dup" "abri-hub duplicates merge"
$hub duplicates merge hub $a_dup $b_dup && fail "a pair merged twice must be refused"
$hub duplicates merge hub $a_dup $a_dup && fail "a case merged with itself must be refused"
sync_laptop a1
sync_laptop b1
out=$($abri case show b1.abri --user testworker --password-file worker.pw $b_dup)
[[ $(last_word_of '^  duplicate_of ') == "$a_dup" ]] || fail "b1: the retired case does not point to the surviving one"
expect_not "possible_duplicate_of" "b1: the merge took the flag off"
[[ $(last_word_of '^  status ') == closed ]] || fail "b1: the retired case is not closed"
[[ $(last_word_of '^  closure_reason ') == duplicate_case ]] || fail "b1: the retired case is not closed as a duplicate"
expect "event" "b1: the retired case keeps its event"
out=$($abri case show a1.abri --user testworker --password-file worker.pw $a_dup)
[[ $(last_word_of '^  same_person_as ') == "$b_dup" ]] || fail "a1: the surviving case does not link the retired one"
expect "note" "a1: the surviving case keeps its note"
for office in TST-AAA:a1 TST-BBB:b1; do
    out=$($hub state hub --office ${office%%:*})
    hub_hash=$(awk '{print $NF}' <<<"$out")
    out=$($abri state ${office##*:}.abri --user testworker --password-file worker.pw)
    expect "state_hash $hub_hash" "state of ${office##*:} against the hub's after the merge"
done
out=$($hub duplicates hub)
expect_not "$b_dup" "a merged pair is not listed again"
out=$($hub verify-state hub)
expect "differences 0" "abri-hub verify-state after the merge"
grep -q -e Samefake -e Mergefake hub.log && fail "the hub log names a person"

# ---- Erasure on request ------------------------------------------------------------------------------------------
step "erasure: a supervisor on a1 erases a case at the person's request; it leaves a1, the hub and a2"
$abri case erase a1.abri --user testsuper --password-file super.pw $code --confirm
sync_laptop a1
sync_laptop a2
$abri case show a2.abri --user testworker --password-file worker.pw $code && fail "a2 still holds the erased case"
$abri case show a1.abri --user testworker --password-file worker.pw $code && fail "a1 still holds the erased case"
out=$($hub state hub --office TST-AAA)
hub_hash=$(awk '{print $NF}' <<<"$out")
for name in a1 a2; do
    out=$($abri state $name.abri --user testworker --password-file worker.pw)
    expect "state_hash $hub_hash" "state of $name against the hub's after the erasure"
done
out=$($hub verify-state hub)
expect "differences 0" "abri-hub verify-state after the erasure"

echo "README walkthrough: all checks passed"
