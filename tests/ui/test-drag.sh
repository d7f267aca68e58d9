#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A real drag with the pointer, as an agent does it: the app runs under Xvfb on a fresh
# database with the sample data, xdotool drags the first card of the intake column onto
# the pending-dispatch column (allowed: it moves), then onto the replied column (refused:
# it snaps back).  What the database holds afterwards is what a user would see.
# Usage: test-drag.sh REXIAN REXIAN_DB_TOOL    (prints TAP)
set -u
rexian=$1
tool=$2
dir=$(mktemp -d)
db="$dir/rexian.db"
pid=""
cleanup () {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$dir"
}
trap cleanup EXIT

echo "1..4"

if ! command -v xdotool >/dev/null; then
  echo "not ok 1 - xdotool is installed"
  exit 1
fi

# A window of known size at the origin: nothing manages windows under Xvfb.
"$rexian" --database "$db" >"$dir/app.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  xdotool search --name '^Rexian$' >/dev/null 2>&1 && break
  sleep 0.1
done
sleep 2
if xdotool search --name '^Rexian$' >/dev/null 2>&1; then
  echo "ok 1 - the window is shown"
else
  echo "not ok 1 - the window is shown"; cat "$dir/app.log" | sed 's/^/# /'; exit 1
fi

intake=$("$tool" "$db" count intake)
pending=$("$tool" "$db" count pending-dispatch)
replied=$("$tool" "$db" count replied)

drag () {
  xdotool mousemove "$1" "$2"; sleep 0.3
  xdotool mousedown 1; sleep 0.3
  # Several small steps, so GTK sees a drag start and then a pointer crossing columns.
  for step in 1 2 3 4 5 6 7 8; do
    xdotool mousemove $(( $1 + ($3 - $1) * step / 8 )) $(( $2 + ($4 - $2) * step / 8 ))
    sleep 0.08
  done
  sleep 0.3
  xdotool mouseup 1
  sleep 2
}

# The first intake card sits near (150, 185); the pending-dispatch column starts at
# x 320 and the replied column at x 920 in a 1280-pixel window.
drag 150 185 450 320
now_intake=$("$tool" "$db" count intake)
now_pending=$("$tool" "$db" count pending-dispatch)
if [ "$now_intake" -eq $((intake - 1)) ] && [ "$now_pending" -eq $((pending + 1)) ]; then
  echo "ok 2 - a card dropped on the next column moves there"
else
  echo "not ok 2 - a card dropped on the next column moves there ($intake/$pending -> $now_intake/$now_pending)"
fi

drag 150 185 1050 320
if [ "$("$tool" "$db" count intake)" -eq "$now_intake" ] \
   && [ "$("$tool" "$db" count replied)" -eq "$replied" ]; then
  echo "ok 3 - a refused drop leaves the card where it was"
else
  echo "not ok 3 - a refused drop leaves the card where it was"
fi

if kill -0 "$pid" 2>/dev/null; then
  echo "ok 4 - the app is still running"
else
  echo "not ok 4 - the app is still running"
fi
