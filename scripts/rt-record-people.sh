#!/usr/bin/env bash
# Records the REST2 answers behind the people in the Request Tracker change feed into
# test/fixtures/real/request-tracker/ (see test/fixtures/real/SOURCES.md), from a stock RT started afresh by
# scripts/rt-server.sh (`scripts/rt-server.sh stop && scripts/rt-server.sh start` first: the users search is
# recorded as a fresh server answers it). It writes a few users and a queue through REST2, as an agent would:
#
#   giulia.rossi@example.it  a customer with a mobile (international) and a work phone (national), whose
#                            Comments hold a line typed in RT and a signed card note after it
#   marta.bianchi@example.it a customer with a pager number with an extension, then disabled
#   luca                     an agent (privileged)
#   Fatture                  a queue, then its description changed
#
# Needs curl and node (to indent the JSON as the repository's formatter does). RT_PORT as for rt-server.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
URL="http://127.0.0.1:${RT_PORT:-8089}/REST/2.0"
OUT="$ROOT/test/fixtures/real/request-tracker"
rt() { curl -sf -u root:password -H 'content-type: application/json' "$@"; }
save() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(JSON.stringify(JSON.parse(s),null,2)+"\n"))' > "$OUT/rt5-stock.$1.json"; }

rt -X POST "$URL/user" -d '{"Name":"giulia.rossi@example.it","EmailAddress":"giulia.rossi@example.it","RealName":"Giulia Rossi","MobilePhone":"+39 347 123 4567","WorkPhone":"06 1234 5678","Lang":"it","Timezone":"Europe/Rome","Organization":"Acme","Privileged":0}' > /dev/null
rt -X POST "$URL/user" -d '{"Name":"marta.bianchi@example.it","EmailAddress":"marta.bianchi@example.it","RealName":"Marta Bianchi","PagerPhone":"0039 333 765 4321 x 12","Privileged":0}' > /dev/null
rt -X POST "$URL/user" -d '{"Name":"luca","EmailAddress":"luca@support.example.com","RealName":"Luca Verdi","Privileged":1}' > /dev/null
rt -X POST "$URL/queue" -d '{"Name":"Fatture","Description":"Invoices"}' > /dev/null
sleep 1
# A line an agent typed in RT, then a note as customers.addNote signs it (src/adapters/kit/notes.ts).
comments='Cliente storico, preferisce il telefono.\n\n── note n1 · 2026-12-01T09:30:00.000Z · by luca · Luca Verdi\nRichiamare dopo le 17'
rt -X PUT "$URL/user/giulia.rossi@example.it" -d "{\"Comments\":\"$comments\"}" > /dev/null
rt -X PUT "$URL/user/marta.bianchi@example.it" -d '{"Disabled":1}' > /dev/null
rt -X PUT "$URL/queue/Fatture" -d '{"Description":"Invoices and refunds"}' > /dev/null

# The users newest change first, as the feed reads them: Privileged and Disabled asked, and left empty.
rt -X POST "$URL/users?orderby=LastUpdated&order=DESC&orderby=id&order=DESC&find_disabled_rows=1&per_page=20&fields=id,Name,RealName,EmailAddress,MobilePhone,WorkPhone,PagerPhone,Privileged,Disabled,Created,LastUpdated" -d '[]' | save users-by-change
rt "$URL/queues/all?orderby=LastUpdated&order=DESC&orderby=id&order=DESC&find_disabled_rows=1&per_page=20&fields=id,Name,Description,Disabled,Created,LastUpdated" | save queues-by-change
rt "$URL/user/giulia.rossi@example.it" | save user-comments
rt "$URL/user/marta.bianchi@example.it" | save user-disabled
rt "$URL/user/luca" | save user-agent
# The rest of the users page read on their own, for the feed's offline test: the superuser and RT's own two.
rt "$URL/user/root" | save user-root-full
rt "$URL/user/Nobody" | save user-nobody
rt "$URL/user/RT_System" | save user-rt-system
# A conditional write whose ETag is stale: RT refuses it with 412.
curl -s -u root:password -H 'content-type: application/json' -H 'If-Match: "1"' -X PUT \
  "$URL/user/giulia.rossi@example.it" -d '{"Comments":"stale"}' | save user-precondition-failed
echo "rt-record-people: wrote $OUT/rt5-stock.{users-by-change,queues-by-change,user-comments,user-disabled,user-agent,user-root-full,user-nobody,user-rt-system,user-precondition-failed}.json"
