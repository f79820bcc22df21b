#!/usr/bin/env bash
# Tier 4 (end to end, like a user): the real program in a real window on a real X server (Xvfb), driven
# with xdotool; every input goes through X and SDL. The program reports what it shows through
# --state-file, which this test reads with jq. Run under xvfb-run (CTest does): window_e2e.sh EPILOGUE
set -u
epilogue=$1
work=$(mktemp -d)
failures=0
passes=0
pid=

cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

check() {  # check DESCRIPTION JQ-EXPRESSION: the expression must be true of the current state
    local result
    result=$(jq -r "$2" "$work/state.json" 2>/dev/null)
    if [ "$result" = "true" ]; then
        passes=$((passes + 1))
    else
        echo "FAIL: $1 ($2 gave '$result'; state: $(jq -c '{playhead, selection, view}' "$work/state.json" 2>/dev/null))"
        failures=$((failures + 1))
    fi
}
state() { jq -r "$1" "$work/state.json"; }
settle() { sleep 0.4; }  # a few frames: the state file is written after each drawn frame

if [ -z "${DISPLAY:-}" ]; then
    echo "no DISPLAY: run this test under xvfb-run"
    exit 1
fi

mkdir -p "$work/home" "$work/pictures"
# A copy of the story, so that the test can edit it while the window shows it.
cp "$(dirname "$epilogue")/assets/stories/la-la-land.json" "$work/story.json"
HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" LD_PRELOAD="${EPILOGUE_SANITIZER_PRELOAD:-}" "$epilogue" "$work/story.json" --size 1280x720 --reduced-motion \
    --state-file "$work/state.json" --screenshot-dir "$work/pictures" >"$work/log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do [ -s "$work/state.json" ] && break; sleep 0.2; done
if [ ! -s "$work/state.json" ]; then
    echo "FAIL: the window never reported its state"; cat "$work/log"; echo "0 passed, 1 failed"; exit 1
fi
window=$(xdotool search --sync --onlyvisible --name "Epilogue" | head -n1)
xdotool windowactivate --sync "$window" 2>/dev/null || xdotool windowfocus --sync "$window"
settle

# Window-relative coordinates (the state file's rectangles are in pixels; the scale is 1 here).
ruler_y=$(state '.ruler.y + .ruler.height / 2 | floor')
time_at() {  # the story time under window x, from the reported view and canvas
    jq -r --argjson x "$1" '.view.start + ($x - .canvas.x) / .canvas.width * (.view.end - .view.start)' "$work/state.json"
}

# 1. Drag on the ruler with Shift (no snapping): the playhead follows to the time under the pointer.
xdotool mousemove --window "$window" 300 "$ruler_y"
xdotool keydown shift mousedown 1
for x in $(seq 320 20 700); do xdotool mousemove --window "$window" "$x" "$ruler_y"; sleep 0.01; done
settle
expected=$(time_at 700)
check "scrubbing follows the mouse" "(.playhead - $expected) | fabs < 0.05"
xdotool mouseup 1 keyup shift
settle
check "releasing leaves the playhead where it was" "(.playhead - $expected) | fabs < 0.05"

# 2. Without Shift, a drag that ends 4 pixels from an event snaps to it.
paris_x=$(state '.events[] | select(.id == "paris") | .rect.x + .rect.width / 2 | floor')
xdotool mousemove --window "$window" $((paris_x - 60)) "$ruler_y" mousedown 1
xdotool mousemove --window "$window" $((paris_x - 30)) "$ruler_y"
xdotool mousemove --window "$window" $((paris_x + 4)) "$ruler_y"
settle
xdotool mouseup 1
settle
check "scrubbing snaps to a nearby event" '.playhead == (.events[] | select(.id == "paris") | .time)'

# 3. Click an event: it is selected.
read -r kiss_x kiss_y < <(state '.events[] | select(.id == "kiss") | "\(.rect.x + .rect.width / 2 | floor) \(.rect.y + .rect.height / 2 | floor)"')
xdotool mousemove --window "$window" "$kiss_x" "$kiss_y" click 1
settle
check "clicking an event selects it" '.selection == "kiss"'

# 4. Right: the next event in time order is selected.
xdotool key --window "$window" Right
settle
check "Right selects the next event" '.selection == "keith-band"'

# 5. Escape clears the selection.
xdotool key --window "$window" Escape
settle
check "Escape clears the selection" '.selection == null'

# 6. An ImGui widget drags too: the transport bar's time slider, dragged past its left end (the story's start).
slider_y=$(state '.canvas.height + 20 | floor')
xdotool mousemove --window "$window" 900 "$slider_y" mousedown 1
for x in $(seq 880 -40 300); do xdotool mousemove --window "$window" "$x" "$slider_y"; sleep 0.01; done
settle
check "dragging the time slider moves the playhead with it" ".playhead < 1"
xdotool mouseup 1
settle

# 7. The wheel zooms in around the pointer.
span=$(state '.view.end - .view.start')
xdotool mousemove --window "$window" 640 150
xdotool click --repeat 3 --delay 60 4
settle
check "the wheel zooms in" "(.view.end - .view.start) < $span * 0.7"

# 8. F12 writes a screenshot and its sidecar to the chosen directory.
xdotool key --window "$window" F12
for _ in $(seq 1 50); do ls "$work"/pictures/epilogue-*.png.json >/dev/null 2>&1 && break; sleep 0.2; done
shots=$(ls "$work"/pictures/epilogue-*.png 2>/dev/null | wc -l)
if [ "$shots" -eq 1 ]; then passes=$((passes + 1)); else echo "FAIL: F12 wrote $shots screenshots"; failures=$((failures + 1)); fi

# 9. Live reload: a broken save keeps the last good story on screen with the error in a banner; the
#    fixed file is reloaded, keeping the selection.
xdotool key --window "$window" Home Right Right
settle
check "Home, Right, Right selects the second event" '.selection == "kiss"'
sed -i '0,/"lane": "dream"/s//"lane": "dreem"/' "$work/story.json"
for _ in $(seq 1 30); do [ "$(state '.reload_error != null')" = "true" ] && break; sleep 0.2; done
check "a broken save shows its error with file, line and column" '.reload_error | test("story.json:[0-9]+:[0-9]+: event \"kiss\": unknown lane \"dreem\"")'
check "the last good story stays on screen" '.story.title == "La La Land — the ending" and .selection == "kiss"'
sed -e 's/"lane": "dreem"/"lane": "dream"/' -e 's/La La Land — the ending/The ending, revised/' "$work/story.json" >"$work/story.json.new"
mv "$work/story.json.new" "$work/story.json"
for _ in $(seq 1 30); do [ "$(state '.reload_error == null')" = "true" ] && break; sleep 0.2; done
check "the fixed file is reloaded" '.story.title == "The ending, revised" and .reload_error == null'
check "the selection survives the reload" '.selection == "kiss"'
# A much shorter story: the panels (the events list among them) follow it, and the vanished selection is dropped.
cat >"$work/story.json.new" <<'STORY'
{"format": "epilogue-story/1", "title": "Two moments",
 "lanes": [{"id": "real", "title": "What happened"}],
 "events": [{"id": "first", "lane": "real", "time": 0, "title": "The first"},
            {"id": "second", "lane": "real", "time": 10, "title": "The second"}]}
STORY
mv "$work/story.json.new" "$work/story.json"
for _ in $(seq 1 30); do [ "$(state '.story.title')" = "Two moments" ] && break; sleep 0.2; done
settle
check "a shorter story is reloaded, dropping the selection it lacks" '.story.title == "Two moments" and .selection == null and ([.events[] | (.cluster // 1)] | add) == 2'
cp "$(dirname "$epilogue")/assets/stories/la-la-land.json" "$work/story.json.new"
mv "$work/story.json.new" "$work/story.json"
for _ in $(seq 1 30); do [ "$(state '.story.title')" = "La La Land — the ending" ] && break; sleep 0.2; done
settle
check "the full story is back" '.story.title == "La La Land — the ending"'

# 10. F11 fills the screen (Xvfb's is 1600x1000) and F11 again returns to the window's size.
xdotool key --window "$window" F11
sleep 1
check "F11 makes the window fullscreen" '.size.width == 1600 and .size.height == 1000'
xdotool key --window "$window" F11
sleep 1
check "F11 again returns to the window" '.size.width == 1280 and .size.height == 720'

# 11. The window survives a tiny size, rapid resizing and minimising.
for size in "200 150" "1400 800" "640 480" "300 900" "1000 300" "200 150" "1280 720"; do
    xdotool windowsize "$window" $size
    sleep 0.05
done
xdotool windowminimize "$window"
sleep 0.5
xdotool windowmap "$window" 2>/dev/null; xdotool windowactivate "$window" 2>/dev/null
xdotool windowsize "$window" 1280 720
sleep 1
check "after resizing and minimising, the window draws at its new size" '.size.width == 1280 and .size.height == 720'
if kill -0 "$pid" 2>/dev/null; then passes=$((passes + 1)); else echo "FAIL: the program died while resizing"; failures=$((failures + 1)); fi

# 12. Ten quick presses of F12 give ten more files: none is lost or overwritten.
for _ in $(seq 1 10); do xdotool key --window "$window" F12; done
for _ in $(seq 1 100); do [ "$(ls "$work"/pictures/epilogue-*.png.json 2>/dev/null | wc -l)" -ge 11 ] && break; sleep 0.2; done
shots=$(ls "$work"/pictures/epilogue-*.png 2>/dev/null | wc -l)
if [ "$shots" -eq 11 ]; then passes=$((passes + 1)); else echo "FAIL: 11 presses of F12 wrote $shots screenshots"; failures=$((failures + 1)); fi

# 13. Closing the window ends the program cleanly and remembers the preferences.
kill -TERM "$pid"
wait "$pid"
status=$?
pid=
if [ "$status" -eq 0 ] && [ -s "$work/home/.config/epilogue/preferences.json" ]; then
    passes=$((passes + 1))
else
    echo "FAIL: exit status $status, preferences: $(cat "$work/home/.config/epilogue/preferences.json" 2>&1)"
    failures=$((failures + 1))
fi

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
