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

# ---- Waiting on the state file ------------------------------------------------------------------------
# The window rewrites the state file (atomically, by a rename) after every frame it draws, and draws
# nothing while idle. The test waits on that file rather than for fixed times: generous timeouts for a
# slow, loaded machine or a sanitizer build, yet no longer than the window takes.
timeout=15  # seconds a wait may take before it counts as a failure
wait_until() {  # wait_until SECONDS COMMAND...: runs the command every 0.05 s until it succeeds; 1 if it never did
    local deadline=$((${EPOCHREALTIME/./} + ${1%.*} * 1000000))
    shift
    until "$@"; do
        [ "${EPOCHREALTIME/./}" -ge "$deadline" ] && return 1
        sleep 0.05
    done
}
holds() { [ "$(jq -r "$1" "$work/state.json" 2>/dev/null)" = "true" ]; }  # holds JQ-EXPRESSION: true of the state now
fail() {  # fail DESCRIPTION: counts a failure, with what the window shows
    echo "FAIL: $1; state: $(jq -c '{playhead, selection, view, size}' "$work/state.json" 2>/dev/null)"
    failures=$((failures + 1))
}
gave() { echo "$1 gave '$(jq -r "$1" "$work/state.json" 2>&1)'"; }
check() {  # check DESCRIPTION JQ-EXPRESSION: the expression must be true of the current state
    if holds "$2"; then passes=$((passes + 1)); else fail "$1 ($(gave "$2"))"; fi
}
wait_for() {  # wait_for DESCRIPTION JQ-EXPRESSION [SECONDS]: the expression must become true of the state in time
    if wait_until "${3:-$timeout}" holds "$2"; then
        passes=$((passes + 1))
    else
        fail "$1 ($(gave "$2") after ${3:-$timeout} s)"
    fi
}
ready() {  # ready DESCRIPTION JQ-EXPRESSION [SECONDS]: like wait_for, for what a step needs: a failure, never a pass
    wait_until "${3:-$timeout}" holds "$2" || fail "timed out waiting until $1 ($(gave "$2"))"
}
state() { jq -r "$1" "$work/state.json"; }
stamp() { stat -c '%i %y %s' "$work/state.json" 2>/dev/null; }  # a new one for each frame (a new file each time)
mark() { marked=$(stamp); }  # before an input: next_frame waits for a frame drawn after this
drawn_since_mark() { [ "$(stamp)" != "$marked" ]; }
next_frame() {  # next_frame WHAT [SECONDS]: waits for a frame drawn since mark (WHAT: the input, which must cause one)
    wait_until "${2:-$timeout}" drawn_since_mark || fail "no frame was drawn after $1"
}
# Idle: no frame for a while. After an input the window draws two frames back to back (continuously only
# while something moves), so "a while" is 0.4 s or three times the longest pause yet seen between two
# frames of one burst, whichever is longer: a slow machine or a sanitizer build waits longer.
longest_pause=0  # microseconds
quiet() {
    local now=${EPOCHREALTIME/./} seen written
    seen=$(stat -c '%i %.6Y' "$work/state.json" 2>/dev/null) || return 1
    written=${seen#* } && written=${written/./}
    if [ "$seen" != "$quiet_seen" ]; then  # a frame since the last look: how long after the one before?
        [ $((written - quiet_written)) -gt "$longest_pause" ] && longest_pause=$((written - quiet_written))
        quiet_seen=$seen quiet_written=$written
    fi
    local enough=$((longest_pause * 3 > 400000 ? longest_pause * 3 : 400000))
    [ $((now - written)) -ge $((enough < 3000000 ? enough : 3000000)) ]
}
idle() {  # idle WHAT: waits until the window has stopped drawing
    local quiet_seen quiet_written
    quiet_seen=$(stat -c '%i %.6Y' "$work/state.json" 2>/dev/null)
    quiet_written=${quiet_seen#* } && quiet_written=${quiet_written/./}
    wait_until "$timeout" quiet || fail "the window kept drawing after $1"
}
settled() { next_frame "$1" && idle "$1"; }  # settled WHAT: the frames after an input (since mark) are all drawn
point_at() {  # point_at X Y: moves the pointer there (from elsewhere) and waits until the window has drawn the
              # frames after the move: what it does with a press or the wheel depends on the frame before (what
              # was under the pointer, whether a panel had it)
    mark
    xdotool mousemove --window "$window" "$1" "$2"
    settled "moving the pointer to $1,$2"
}
drag() {  # drag Y X...: moves the pointer through the points at a hand's pace, in one xdotool; the steps are
          # not waited on (xdotool's sleep): only where the drag ends is checked
    local y=$1 steps=() x
    shift
    for x in "$@"; do steps+=(mousemove --window "$window" "$x" "$y" sleep 0.01); done
    xdotool "${steps[@]}"
}
type_in_chooser() {  # type_in_chooser PATH: in the built-in story chooser, replaces the path field and opens it
    xdotool key --window "$window" ctrl+a
    xdotool type --window "$window" --delay 10 "$1"
    xdotool key --window "$window" Return
}
count_files() { ls "$work"/pictures/$1 2>/dev/null | wc -l; }
at_least_files() { [ "$(count_files "$1")" -ge "$2" ]; }  # at_least_files GLOB N

if [ -z "${DISPLAY:-}" ]; then
    echo "no DISPLAY: run this test under xvfb-run"
    exit 1
fi

mkdir -p "$work/home" "$work/pictures"
# A copy of the story, so that the test can edit it while the window shows it.
cp "$(dirname "$epilogue")/assets/stories/la-la-land.json" "$work/story.json"
# The built-in story chooser (Ctrl+O), whatever choosers the machine has.
EPILOGUE_FILE_CHOOSER=builtin HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" LD_PRELOAD="${EPILOGUE_SANITIZER_PRELOAD:-}" "$epilogue" "$work/story.json" --size 1280x720 --reduced-motion \
    --state-file "$work/state.json" --screenshot-dir "$work/pictures" >"$work/log" 2>&1 &
pid=$!
if ! wait_until 30 test -s "$work/state.json"; then
    echo "FAIL: the window never reported its state"; cat "$work/log"; echo "0 passed, 1 failed"; exit 1
fi
window=$(xdotool search --sync --onlyvisible --name "Epilogue" | head -n1)
xdotool windowactivate --sync "$window" 2>/dev/null || xdotool windowfocus --sync "$window"
ready "the window is drawn at its size" '.size.width == 1280 and .size.height == 720 and .ruler.height > 0'
# The window's title is the story's in UTF-8: its dashes whole, not "?" nor UTF-8 bytes read as Latin-1.
title=$(xdotool getwindowname "$window")
if [ "$title" = "Epilogue — La La Land — the ending" ]; then passes=$((passes + 1)); else fail "the window's title is '$title'"; fi

# Window-relative coordinates (the state file's rectangles are in pixels; the scale is 1 here).
ruler_y=$(state '.ruler.y + .ruler.height / 2 | floor')
time_at() {  # the story time under window x, from the reported view and canvas
    jq -r --argjson x "$1" '.view.start + ($x - .canvas.x) / .canvas.width * (.view.end - .view.start)' "$work/state.json"
}

# 1. Drag on the ruler with Shift (no snapping): the playhead follows to the time under the pointer.
point_at 300 "$ruler_y"
xdotool keydown shift mousedown 1
drag "$ruler_y" $(seq 320 20 700)
expected=$(time_at 700)
wait_for "scrubbing follows the mouse" "(.playhead - $expected) | fabs < 0.05"
mark
xdotool mouseup 1 keyup shift
settled "releasing the scrub"
check "releasing leaves the playhead where it was" "(.playhead - $expected) | fabs < 0.05"

# 2. Without Shift, a drag that ends 4 pixels from an event snaps to it.
paris_x=$(state '.events[] | select(.id == "paris") | .rect.x + .rect.width / 2 | floor')
paris='.playhead == (.events[] | select(.id == "paris") | .time)'
point_at $((paris_x - 60)) "$ruler_y"
xdotool mousedown 1
xdotool mousemove --window "$window" $((paris_x - 30)) "$ruler_y"
xdotool mousemove --window "$window" $((paris_x + 4)) "$ruler_y"
ready "the drag reaches the event" "$paris"
mark
xdotool mouseup 1
settled "releasing the scrub"
wait_for "scrubbing snaps to a nearby event" "$paris"

# 3. Click an event: it is selected.
read -r kiss_x kiss_y < <(state '.events[] | select(.id == "kiss") | "\(.rect.x + .rect.width / 2 | floor) \(.rect.y + .rect.height / 2 | floor)"')
point_at "$kiss_x" "$kiss_y"
xdotool click 1
wait_for "clicking an event selects it" '.selection == "kiss"'

# 4. Right: the next event in time order is selected.
xdotool key --window "$window" Right
wait_for "Right selects the next event" '.selection == "keith-band"'

# 5. Escape clears the selection.
xdotool key --window "$window" Escape
wait_for "Escape clears the selection" '.selection == null'

# 5b. An event under the playhead is clicked like any other: a click on Paris selects it and brings the
#     playhead onto it; Escape lets it go, and a second click on it, now under the playhead, selects it again.
read -r paris_cx paris_cy < <(state '.events[] | select(.id == "paris") | "\(.rect.x + .rect.width / 2 | floor) \(.rect.y + .rect.height / 2 | floor)"')
point_at "$paris_cx" "$paris_cy"
xdotool click 1
wait_for "clicking Paris selects it and brings the playhead onto it" ".selection == \"paris\" and $paris"
xdotool key --window "$window" Escape
wait_for "Escape lets it go" '.selection == null'
xdotool click 1
wait_for "a second click on the event under the playhead selects it again" '.selection == "paris"'
xdotool key --window "$window" Escape
ready "the selection is let go" '.selection == null'

# 5c. Panning without a middle button: a sideways scroll (buttons 6 and 7), and a left-drag on empty sky.
sky_y=$(state '.ruler.y - 30 | floor')
start=$(state '.view.start')
point_at 700 "$sky_y"
xdotool click 7
wait_for "a sideways scroll to the right pans later" ".view.start > $start"
start=$(state '.view.start')
shift_by=$(jq -r '200 / .canvas.width * (.view.end - .view.start)' "$work/state.json")
xdotool mousedown 1
drag "$sky_y" $(seq 690 -10 500)
mark
xdotool mouseup 1
settled "the end of a drag on the sky"
check "a left-drag on empty sky pans by the distance dragged" "(.view.start - ($start + $shift_by)) | fabs < ($shift_by * 0.05)"
check "a drag on the sky keeps the selection as it was" '.selection == null'

# 5d. Back: F fits the whole story, and Alt+Left returns to the view before it.
panned=$(state '.view.start')
xdotool key --window "$window" f
wait_for "F fits the whole story" "(.view.start - $panned) | fabs > 1"
xdotool key --window "$window" alt+Left
wait_for "Alt+Left returns to the view before the fit" "(.view.start - $panned) | fabs < 0.01"
xdotool key --window "$window" f
ready "the whole story again" "(.view.start - $panned) | fabs > 1"

# 5e. The keyboard: Ctrl+F to the search box; quick taps there are all seen (Ctrl+A and BackSpace pressed and
#     released within one frame); Enter goes to the list at the first match, Down, End and Home move through
#     the matches; Tab goes on to the canvas; Escape clears a search.
xdotool key --window "$window" ctrl+f
wait_for "Ctrl+F gives the search box the keyboard" '.focus == "search"'
xdotool type --window "$window" --delay 40 "paris"
wait_for "typing searches" '.search.query == "paris" and .search.matches == 2'
xdotool key --window "$window" --delay 5 ctrl+a BackSpace
wait_for "quick Ctrl+A, BackSpace empty the search box" '.search.query == "" and .search.matches == -1'
# Typed text in any script reaches the query whole (SDL's UTF-8 text input, not ImGui's 16-bit characters),
# emoji included; BackSpace takes the emoji and the space before it, one cluster at a time.
# (xdotool types a character outside the keyboard's layout by remapping a spare key; a slow pace lets each
# press be read before the next remapping.)
xdotool type --window "$window" --delay 200 "Ночь 夜 ليل 🌍"
wait_for "typing Cyrillic, Chinese, Arabic and an emoji searches for them as typed" '.search.query == "Ночь 夜 ليل 🌍" and .search.matches == 0'
xdotool key --window "$window" --delay 100 BackSpace BackSpace
wait_for "BackSpace deletes a whole emoji, then the space" '.search.query == "Ночь 夜 ليل"'
xdotool key --window "$window" --delay 5 ctrl+a BackSpace
wait_for "the search box empties again" '.search.query == ""'
xdotool type --window "$window" --delay 40 "jazz"
wait_for "typing again searches again" '.search.query == "jazz" and .search.matches == 3'
xdotool key --window "$window" Return
wait_for "Enter takes the keyboard to the list, at the first match" '.focus == "events" and .selection == "paris"'
xdotool key --window "$window" Down
wait_for "Down selects the next match" '.selection == "five-years"'
xdotool key --window "$window" End
wait_for "End in the list selects the last match" '.selection == "same-jazz-bar"'
xdotool key --window "$window" Home
wait_for "Home in the list selects the first match" '.selection == "paris"'
xdotool key --window "$window" Tab
wait_for "Tab goes on to the canvas" '.focus == "canvas"'
xdotool key --window "$window" shift+Tab
wait_for "Shift+Tab goes back to the list" '.focus == "events"'
xdotool key --window "$window" Tab Tab
wait_for "Tab goes round to the search box" '.focus == "search"'
xdotool key --window "$window" Escape
wait_for "Escape in the search box clears it" '.search.query == "" and .focus == "search"'
xdotool key --window "$window" Escape Escape
wait_for "Escape leaves the search box, then unpins" '.focus == "canvas" and .selection == null'

# 5f. The guided tour: P starts it in the presentation layout, Space pauses it, Right goes to the next stop,
# and Escape leaves it with the view, the playhead and the selection as they were.
view_before=$(state '[.view.start, .view.end, .playhead] | @json')
xdotool key --window "$window" p
wait_for "P starts the tour at its first stop, the panels hidden" '.tour.active and .tour.stop == 1 and .tour.stops == 17 and .ui == false'
xdotool key --window "$window" space
wait_for "Space pauses the tour" '.tour.paused'
xdotool key --window "$window" Right
wait_for "Right goes to the next stop" '.tour.stop == 2'
wait_for "the camera arrives at the stop: the restaurant, the playhead on it" '.selection == "restaurant" and .playhead == 4 and .view.start < 4 and .view.end > 4' 5
xdotool key --window "$window" Right Right
wait_for "Right again, stop by stop" '.tour.stop == 4'
xdotool key --window "$window" Left
wait_for "Left goes back a stop" '.tour.stop == 3 and .selection == "kiss"'
xdotool key --window "$window" Escape
wait_for "Escape leaves the tour with the view as it was" \
    "(.tour.active | not) and .ui and ([.view.start, .view.end, .playhead] | @json) == $(printf '%s' "$view_before" | jq -R .) and .selection == null"

# 6. An ImGui widget drags too: the transport bar's time slider, dragged past its left end (the story's start).
slider_y=$(state '.canvas.height + 20 | floor')
point_at 900 "$slider_y"
xdotool mousedown 1
drag "$slider_y" $(seq 880 -40 300)
wait_for "dragging the time slider moves the playhead with it" ".playhead < 1"
mark
xdotool mouseup 1
next_frame "releasing the slider"

# 7. The wheel zooms in around the pointer.
span=$(state '.view.end - .view.start')
point_at 640 150
xdotool click --repeat 3 --delay 60 4
wait_for "the wheel zooms in" "(.view.end - .view.start) < $span * 0.7"

# 8. F12 writes a screenshot and its sidecar to the chosen directory. The frames since the window opened were
#    drawn and shown only where they changed (the scrubs, snaps, slider and zoom above): what the window shows
#    on the X server is, pixel for pixel, the frame the screenshot holds (after a last move of the pointer,
#    which changes only the ruler's time tag and what is hovered).
point_at 420 200
/usr/bin/python3 "$(dirname "$0")/window_pixels.py" grab "$window" "$work/shown.raw"
xdotool key --window "$window" F12
wait_until 30 at_least_files 'epilogue-*.png.json' 1
shots=$(count_files 'epilogue-*.png')
if [ "$shots" -eq 1 ]; then passes=$((passes + 1)); else echo "FAIL: F12 wrote $shots screenshots"; failures=$((failures + 1)); fi
if compared=$(/usr/bin/python3 "$(dirname "$0")/window_pixels.py" compare "$work/shown.raw" "$(ls "$work"/pictures/epilogue-*.png | head -n1)" 2>&1); then
    passes=$((passes + 1))
else
    fail "the window showed other pixels than the frame it drew: $compared"
fi

# 9. Live reload: a broken save keeps the last good story on screen with the error in a banner; the
#    fixed file is reloaded, keeping the selection. (The window looks at the file about once a second.)
xdotool key --window "$window" Home Right Right
wait_for "Home, Right, Right selects the second event" '.selection == "kiss"'
sed -i '0,/"lane": "dream"/s//"lane": "dreem"/' "$work/story.json"
wait_for "a broken save shows its error with file, line and column" '.reload_error != null and (.reload_error | test("story.json:[0-9]+:[0-9]+: event \"kiss\": unknown lane \"dreem\""))' 20
check "the last good story stays on screen" '.story.title == "La La Land — the ending" and .selection == "kiss"'
sed -e 's/"lane": "dreem"/"lane": "dream"/' -e 's/La La Land — the ending/The ending, revised/' "$work/story.json" >"$work/story.json.new"
mv "$work/story.json.new" "$work/story.json"
wait_for "the fixed file is reloaded" '.story.title == "The ending, revised" and .reload_error == null' 20
# The window's title follows the story it shows.
title=$(xdotool getwindowname "$window" 2>/dev/null)
if [ "$title" = "Epilogue — The ending, revised" ]; then
    passes=$((passes + 1))
else
    echo "FAIL: after the reload the window's title is '$title'"
    failures=$((failures + 1))
fi
check "the selection survives the reload" '.selection == "kiss"'
# A much shorter story: the panels (the events list among them) follow it, and the vanished selection is dropped.
cat >"$work/story.json.new" <<'STORY'
{"format": "epilogue-story/1", "title": "Two moments",
 "lanes": [{"id": "real", "title": "What happened"}],
 "events": [{"id": "first", "lane": "real", "time": 0, "title": "The first"},
            {"id": "second", "lane": "real", "time": 10, "title": "The second"}]}
STORY
mv "$work/story.json.new" "$work/story.json"
wait_for "a shorter story is reloaded, dropping the selection it lacks" '.story.title == "Two moments" and .selection == null and ([.events[] | (.cluster // 1)] | add) == 2' 20
cp "$(dirname "$epilogue")/assets/stories/la-la-land.json" "$work/story.json.new"
mv "$work/story.json.new" "$work/story.json"
wait_for "the full story is back" '.story.title == "La La Land — the ending"' 20

# 10. F11 fills the screen (Xvfb's is 1600x1000) and F11 again returns to the window's size.
xdotool key --window "$window" F11
wait_for "F11 makes the window fullscreen" '.size.width == 1600 and .size.height == 1000'
xdotool key --window "$window" F11
wait_for "F11 again returns to the window" '.size.width == 1280 and .size.height == 720'

# 11. The window survives a tiny size, rapid resizing and minimising.
for size in "200 150" "1400 800" "640 480" "300 900" "1000 300" "200 150" "1280 720"; do
    xdotool windowsize "$window" $size
    sleep 0.05  # resizes in quick succession on purpose: not waited on
done
xdotool windowminimize "$window"
sleep 0.5  # a moment minimised: a minimised window draws nothing, so there is nothing to wait on
mark
xdotool windowmap "$window" 2>/dev/null; xdotool windowactivate "$window" 2>/dev/null
xdotool windowsize "$window" 1280 720
# Pointer motion asks for a frame whatever the window manager did (two moves: at least one moves it).
xdotool mousemove --window "$window" 500 300 mousemove --window "$window" 520 320
next_frame "restoring the window"
wait_for "after resizing and minimising, the window draws at its new size" '.size.width == 1280 and .size.height == 720'
if kill -0 "$pid" 2>/dev/null; then passes=$((passes + 1)); else echo "FAIL: the program died while resizing"; failures=$((failures + 1)); fi

# 12. Ten quick presses of F12 give ten more files: none is lost or overwritten.
for _ in $(seq 1 10); do xdotool key --window "$window" F12; done
wait_until 60 at_least_files 'epilogue-*.png.json' 11
shots=$(count_files 'epilogue-*.png')
if [ "$shots" -eq 11 ]; then passes=$((passes + 1)); else echo "FAIL: 11 presses of F12 wrote $shots screenshots"; failures=$((failures + 1)); fi

# 12b. Opening another story: Ctrl+O shows the built-in chooser, where a typed path and Enter open it.
cp "$(dirname "$epilogue")/assets/stories/la-la-land.json" "$work/second.json"
sed -i 's/La La Land — the ending/A second story/' "$work/second.json"
echo '{"format": "epilogue-story/1", "title": "Broken", "lanes": [], "events": []}' >"$work/broken.json"
xdotool key --window "$window" ctrl+o
wait_for "Ctrl+O shows the story chooser" '.open_dialog == true'
type_in_chooser "$work/second.json"
wait_for "a path typed in the chooser opens that story" ".story.title == \"A second story\" and .story.file == \"$work/second.json\" and .open_dialog == false"
check "an opened story starts afresh, at its beginning" '.selection == null and .playhead == 0'

# 12c. A story file dropped on the window (through X's drag and drop, as from a file manager) opens.
if /usr/bin/python3 "$(dirname "$0")/xdnd_drop.py" "$window" "$work/story.json"; then
    wait_for "a dropped story file opens" ".story.title == \"La La Land — the ending\" and .story.file == \"$work/story.json\""
else
    fail "the window did not take a dropped file"
fi

# 12d. A broken story opened from the window keeps the story on screen and shows its errors.
xdotool key --window "$window" ctrl+o
ready "the chooser again" '.open_dialog == true'
type_in_chooser "$work/broken.json"
wait_for "a broken story shows its errors at file:line:col" '.reload_error != null and (.reload_error | test("broken.json:1:[0-9]+: story: has no lanes"))'
check "the story before stays on screen" '.story.title == "La La Land — the ending"'

# 12e. The story menu ("Open" at the canvas's top right) lists the stories opened lately, newest first:
#      the second one is a click away.
recent="$work/home/.local/state/epilogue/recent.json"
if [ "$(jq -c . "$recent" 2>/dev/null)" = "[\"$work/story.json\",\"$work/second.json\"]" ]; then
    passes=$((passes + 1))
else
    echo "FAIL: the recent stories are $(cat "$recent" 2>&1)"; failures=$((failures + 1))
fi
point_at 1220 25
xdotool click 1
sleep 0.3  # the menu opens in the next frame; its rows are 22 pixels apart under the button
point_at 1150 106
xdotool click 1
wait_for "the menu's second recent story opens" ".story.title == \"A second story\" and .reload_error == null"

# 13. Ctrl+Q ends the program cleanly and remembers the preferences.
xdotool key --window "$window" ctrl+q
wait "$pid"
status=$?
pid=
if [ "$status" -eq 0 ] && [ -s "$work/home/.config/epilogue/preferences.json" ]; then
    passes=$((passes + 1))
else
    echo "FAIL: exit status $status, preferences: $(cat "$work/home/.config/epilogue/preferences.json" 2>&1)"
    failures=$((failures + 1))
fi

# 14. A --state-file that cannot be written is reported once, not after every frame: the sky twinkles for a
#     few seconds after opening, so the window draws many frames meanwhile.
HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" LD_PRELOAD="${EPILOGUE_SANITIZER_PRELOAD:-}" "$epilogue" "$work/story.json" \
    --size 640x400 --state-file "$work/no-such-directory/state.json" --frame-stats >"$work/unwritable.log" 2>&1 &
pid=$!
sleep 2.5  # nothing to observe but the log: the state file is the thing that cannot be written
kill -TERM "$pid"
wait "$pid"
pid=
reports=$(grep -c -- "--state-file" "$work/unwritable.log")
frames=$(sed -n 's/^epilogue: \([0-9]*\) frames drawn.*/\1/p' "$work/unwritable.log")
if [ "$reports" -eq 1 ] && [ "${frames:-0}" -ge 3 ]; then
    passes=$((passes + 1))
else
    echo "FAIL: an unwritable --state-file was reported $reports times over ${frames:-0} frames: $(head -c 400 "$work/unwritable.log")"
    failures=$((failures + 1))
fi

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
