#!/usr/bin/env bash
# A guided tour of slash in a throw-away workspace: every command is echoed before its
# output, so a newcomer sees the real flow. Usage: examples/tour.sh [PATH/TO/slash]
set -euo pipefail

slash_bin=$(realpath "${1:-build/slash}")
workspace=$(mktemp -d "${TMPDIR:-/tmp}/slash-tour.XXXXXX")
trap 'rm -rf "$workspace"' EXIT

export SLASH_DB="$workspace/data/slash.db"
export SLASH_CONFIG="$workspace/config/config.toml"
export SLASH_NOW="2026-11-28T17:30:00+01:00"
export TZ=Europe/Paris
mkdir -p "$workspace/data"

step() { printf '\n# %s\n' "$*"; }
slash() {
  printf '$ slash'
  printf ' %q' "$@"
  printf '\n'
  "$slash_bin" "$@"
}

step "Set up: your identity goes into a commented config file; the database is created."
slash init --no-input --name "Camille Martin" --address "12 rue des Lilas" --address "75011 Paris" \
  --siren 732829320 --email camille@example.org --iban FR7630006000011234567890189 --bic AGRIFRPP
slash config get seller.name
slash config set invoice.due_days 45
slash config get invoice.due_days
# Output to a pipe is tab-separated rows for scripts; this tour is piped, so ask for the
# aligned tables you would see on a terminal.
slash config set display.color always

step "Four clients: an agency (hourly), a publisher abroad (daily rate), a micro-work platform, an agency in Brussels."
slash client add acme --name "ACME SAS" --address "1 rue de la Paix" --address "75002 Paris" \
  --siren 552100554 --vat-id FR40303265045 --email ap@acme.example --hourly 65
slash client add northwind --name "Northwind Publishing Ltd" --country GB --currency GBP \
  --language en --daily 450 --email invoices@northwind.example
slash client add microtask --name "MicroTask Platform" --kind business --email pay@microtask.example
slash client add wafelhuis --name "Wafelhuis Agency SRL" --address "Rue Neuve 1" --address "1000 Bruxelles" \
  --country BE --vat-id BE0477472701 --email factures@wafelhuis.example --hourly 70

step "Lists are aligned tables on a terminal (tab-separated rows in a pipe)."
slash client list
slash client show acme

step "Scripting: JSON, CSV, templates and bare identifiers."
slash client list --json
slash client list --csv
slash client list --no-color   # what a pipe gets
slash client list --no-pager --wide   # on a terminal: no pager, no cut to the window's width
slash client list --template '{handle} bills in {currency}'
slash client list -q

step "Corrections: edit a field; archive a client you no longer work for."
slash client edit microtask --terms 15 --notes "pays every Friday"
slash client add oldco --name "Old Co SARL"
slash client archive oldco
slash client list --all --template '{handle}\t{archived}'

step "Mistakes get one clear line and a documented exit status; nothing is written."
slash client add acme --name "Again" || echo "(exit $?)"
slash client add bad --name "Bad SIREN" --siren 123456789 || echo "(exit $?)"
slash clinet list || echo "(exit $?)"

step "Missions: an hourly website, a daily-rate translation, per-task micro-work."
slash mission add acme/website --title "Website redesign" --estimate 30h --due 2026-12-18 --tag web
slash mission add northwind/book --title "Book translation" --budget 3000 --estimate 50h --due 2027-01-31
slash mission add microtask/labels --title "Image labelling" --unit 0.12 --unit-name task
slash mission add wafelhuis/app --title "Booking app"
slash missions

step "A slasher's Friday: a timer, a switch of client, time logged after the fact."
export SLASH_NOW="2026-11-27T09:00:00+01:00"
slash start acme/website fix the header --tag design
export SLASH_NOW="2026-11-27T10:45:00+01:00"
slash start northwind/book chapter 3
export SLASH_NOW="2026-11-27T12:30:00+01:00"
slash stop
export SLASH_NOW="2026-11-27T18:15:00+01:00"
slash log acme/website 14:00-16:30 client call and fixes
slash log microtask/labels 45m --units 120
slash log acme/website 2h review --on 2026-11-25
slash status
slash today
slash week

step "Corrections: edit an entry, list the week's entries as ids for a pipeline."
slash entry edit 3 --end 16:45
slash entry list --mission acme/website
slash entry list -q week

step "Two quick logs in a row both land, the second just before the first; on a terminal, log
# also says on stderr where the time went (\"slash: logged 30m on acme/website, Fri 27 Nov ...\")."
slash log acme/website 30m standup
slash log acme/website 15m email
slash today

step "A timer forgotten overnight: status shows its day, stop warns above [time] long_entry,
# and a bare time given to entry edit is on the entry's own day."
export SLASH_NOW="2026-11-27T18:30:00+01:00"
slash start acme/website deploy
export SLASH_NOW="2026-11-28T09:15:00+01:00"
slash status
slash stop
slash entry edit 8 --end 19:30
slash entry edit 8 --end 9:00 || echo "(exit $?)"

step "The database: where it is, an integrity check, an online backup."
slash db path
slash db check
slash db backup "$workspace/backup.db"

step "Monday: time to bill October. Invoices carry the seller identity init wrote (name, address, SIREN, IBAN)."
export SLASH_NOW="2026-11-30T09:30:00+01:00"
slash config get seller.siren
slash config get seller.address

step "October's work, logged after the fact."
slash log acme/website 9:00-12:30 wireframes --on 2026-10-06
slash log acme/website 3h design review --on 2026-10-15
slash log northwind/book 7h chapters 1 and 2 --on 2026-10-12
slash log northwind/book 3h30 glossary --on 2026-10-20
slash log microtask/labels 1h30 --units 400 --on 2026-10-21
slash log wafelhuis/app 6h API design --on 2026-10-22

step "One draft per client with unbilled work in the month (-n shows them without writing)."
slash invoice monthly 2026-10 -n
slash invoice monthly 2026-10

step "Issuing checks the French legal mentions first: every gap is listed, nothing is numbered."
slash invoice issue 2 || echo "(exit $?)"
slash client edit microtask --address "8 avenue du Travail" --address "69002 Lyon" --siren 443061841
slash client edit northwind --address "10 Fleet Street" --address "London EC4Y 1AA"

step "Clients abroad: the place of supply decides the VAT. The Brussels agency is billed by reverse charge (Autoliquidation), which needs your intra-EU VAT number, even under the franchise; London is outside the scope of French VAT."
slash invoice show 4
slash invoice issue 4 || echo "(exit $?)"
slash config set seller.vat_id FR44732829320   # given by your SIE on request

step "Issue every draft: the next number, identities frozen, entries locked."
for draft in $("$slash_bin" invoice list --status draft -q); do
  slash invoice issue "$draft"
done
slash invoice show 2026-0001

# Kept after the tour (the workspace is not), so that they can be opened.
documents="${TMPDIR:-/tmp}/slash-tour-documents"
mkdir -p "$documents"
step "The documents a client receives: printable HTML, the Factur-X XML, the Factur-X PDF (the XML inside)."
slash invoice show 2026-0001 --format html --timesheet -o "$documents/2026-0001.html" --force
slash invoice show 2026-0001 --format cii -o "$documents/2026-0001.xml" --force
slash invoice show 2026-0001 --format pdf --timesheet -o "$documents/2026-0001.pdf" --force
slash invoice show 2026-0001 --format md -o - | head -n 3   # -o - is standard output
TZ=CET-1CEST,M3.5.0,M10.5.0/3 slash today   # a POSIX TZ rule works as well as Europe/Paris

mock_bin="$(dirname "$slash_bin")/tests/slash_mock_platform"
if [[ -x $mock_bin ]]; then
  step "E-invoicing (the 2026-2027 reform): invoices to French businesses go through your approved platform. Here a mock of one, on 127.0.0.1."
  (umask 077; printf 'tour-token\n' > "$workspace/pa-token")
  "$mock_bin" --kit "$(dirname "$0")/../tests/einvoicing/kit" --token tour-token --seller 732829320 \
    --start 2026-11-30T08:00:00Z \
    --on-invoice 200,202,203,205 --company "552100554,ACME SAS,552100554" > "$workspace/mock.port" &
  mock_pid=$!
  trap 'kill "$mock_pid" 2>/dev/null; rm -rf "$workspace"' EXIT
  until [[ -s $workspace/mock.port ]]; do sleep 0.05; done
  mock_url="http://127.0.0.1:$(head -n 1 "$workspace/mock.port")"
  slash config set einvoicing.platform_url "$mock_url/flow-service"
  slash config set einvoicing.directory_url "$mock_url/directory-service"
  slash config set einvoicing.token_file "$workspace/pa-token"
  # Under the VAT franchise the law asks no 212 Encaissée; send it anyway, for the buyer.
  slash config set einvoicing.paid_status always
  slash einvoicing check
  slash client lookup 552100554
  slash client edit acme --lookup
  slash invoice send 2026-0001
  slash invoice send 2026-0001   # a second send finds the first: nothing is sent twice
  slash einvoicing sync
  slash invoice status 2026-0001
fi

step "Money in: ACME pays; MicroTask pays by platform payout, so its invoice is cancelled by a credit note."
slash invoice pay 2026-0001   # with e-invoicing: the 212 Encaissée status goes to the platform
if [[ -x $mock_bin ]]; then slash invoice status 2026-0001; fi
slash invoice credit 2026-0002 --reason "paid by platform payout, no invoice needed"
slash invoice list

step "A fixed price with a deposit: ACME orders a logo for 1,200. 30 % is invoiced now (a facture d'acompte); the price itself is billed once the mission is done, and its final invoice deducts the deposit."
slash mission add acme/logo --title "Logo" --fixed 1200 --due 2026-12-18
slash invoice deposit acme/logo --percent 30
slash invoice issue "$("$slash_bin" invoice list --status draft -q)"
export SLASH_NOW="2026-12-18T17:00:00+01:00"
slash invoice pay "$("$slash_bin" invoice list --client acme -q | tail -n 1)" --on 2026-12-04
slash log acme/logo 9:00-12:00 sketches --on 2026-12-14
slash invoice new acme 2026-12 || echo "(exit $?)"
slash mission done acme/logo
slash invoice new acme 2026-12
slash invoice issue "$("$slash_bin" invoice list --status draft -q)"
slash invoice show "$("$slash_bin" invoice list --client acme -q | tail -n 1)" | tail -n 12 | head -n 4

step "February: Northwind has not paid. The overdue invoices, most late first; a reminder with the penalties to date, recorded; then the invoice and the reminder e-mailed."
export SLASH_NOW="2027-02-01T10:00:00+01:00"
slash invoice list --overdue
# slash carries the legal interest rates it can cite; for a later semester it asks for yours.
slash invoice remind 2026-0003 || echo "(exit $?)"
slash config set invoice.late_rate 10
slash invoice remind 2026-0003
slash invoice mail 2026-0003 --reminder --dry-run | head -n 8
# A stand-in for sendmail that keeps what it is given: msmtp or postfix in real life.
printf '#!/bin/sh\ncat > "%s/sent.eml"\n' "$workspace" > "$workspace/sendmail"
chmod +x "$workspace/sendmail"
slash config set mail.sendmail "$workspace/sendmail -t"
slash invoice mail 2026-0003 --reminder
grep -E '^(To|Subject):' "$workspace/sent.eml"
slash invoice list --overdue
export SLASH_NOW="2026-11-28T17:30:00+01:00"

step "A receipt without invoice (the payout), then every payment: what the URSSAF declaration counts."
slash payment add --client microtask --amount 48.00 --activity bic-services --note "October payout"
slash payment list

step "Which client really pays best? October and November by client: hours, amounts, effective hourly rate."
slash report 2026-10-01..2026-11-30 --by client
slash report 2026-10-01..2026-11-30 --by mission --chart

step "Am I overbooked? The coming weeks: 28 h a week, Christmas off, against what the open missions still need before their due dates."
slash config set time.capacity 28h
slash config set time.days_off 2026-12-24..2027-01-01
slash plan --weeks 6
slash plan --weeks 6 --chart

step "The URSSAF declaration of November (declared monthly): turnover collected by activity, contributions, thresholds."
slash config set urssaf.periodicity monthly
slash urssaf 2026-11
slash receipts

step "The DES of October (déclaration européenne de services): the reverse-charge services to EU businesses, by VAT id, for the customs by the 10th working day."
slash des

step "Coming from Timewarrior: its export comes in whole or not at all; tags written client/mission find their mission, --map sends the others."
slash mission add acme/admin --none --title "Admin"
slash import timewarrior "$(dirname "$0")/timew-export.json" || echo "(exit $?)"
slash import timewarrior "$(dirname "$0")/timew-export.json" --map admin=acme/admin --dry-run
slash import timewarrior "$(dirname "$0")/timew-export.json" --map admin=acme/admin
slash import timewarrior "$(dirname "$0")/timew-export.json" --map admin=acme/admin
slash report 2026-09 --by mission

step "And out again: hledger's timeclock, a calendar, a lossless copy in JSON lines."
slash export 2026-09 --format timeclock
slash export 2026-09-07 --format ical
slash export 2026-09-07 --format jsonl

step "A quote (devis) for ACME's next project: priced as invoices are, numbered in its own series, then accepted: each line becomes a mission."
slash quote new acme --title "Application mobile"
slash quote line add 1 "Ateliers de cadrage" --price 600 --quantity 2 --unit day
slash quote line add 1 "Développement mobile" --price 75 --quantity 40 --unit hour
slash quote line add 1 "Mise en ligne" --price 400
slash quote issue 1
slash quote show D2026-0001
slash quote accept D2026-0001
slash quote list
