#!/usr/bin/env bash
# Tier 3 (end to end): the epilogue program as a person runs it, headless. Each case is its own CTest
# test: cli_tests.sh EPILOGUE_BINARY STORY_FILE CASE [BUILD_DIR]. Prints "1 passed, 0 failed" or what
# went wrong.
set -u
source "$(dirname "$0")/harness.sh" "$@"

build_dir=${4:-}

# PNG width and height from the IHDR chunk (bytes 16-23, big-endian).
png_size() {
    local bytes
    bytes=$(od -An -tu1 -j16 -N8 "$1" | tr -s ' ')
    set -- $bytes
    echo "$(( ($1 << 24) + ($2 << 16) + ($3 << 8) + $4 ))x$(( ($5 << 24) + ($6 << 16) + ($7 << 8) + $8 ))"
}
is_png() { [ "$(od -An -tx1 -N8 "$1" | tr -d ' \n')" = "89504e470d0a1a0a" ]; }

# A stand-in for ffmpeg, first on PATH: it records its arguments (NUL-separated) in $work/ffmpeg-args, then
# either copies its input into its output file (the last argument) and exits 0, or, with FAKE_FFMPEG_STATUS
# set, says FAKE_FFMPEG_SAY on stderr and exits with that status without reading a byte (with
# FAKE_FFMPEG_KILL set, it kills itself instead). FAKE_FFMPEG_SAY alone: said after a run that ends with 0.
fake_ffmpeg() {
    mkdir -p "$work/bin"
    cat >"$work/bin/ffmpeg" <<'SCRIPT'
#!/bin/sh
printf '%s\0' "$@" >"$FAKE_FFMPEG_ARGS"
for last; do :; done
[ -z "${FAKE_FFMPEG_KILL:-}" ] || kill -KILL $$
if [ -n "${FAKE_FFMPEG_STATUS:-}" ]; then
    echo "${FAKE_FFMPEG_SAY:-}" >&2
    exit "$FAKE_FFMPEG_STATUS"
fi
cat >"$last"
[ -z "${FAKE_FFMPEG_SAY:-}" ] || echo "$FAKE_FFMPEG_SAY" >&2
SCRIPT
    chmod +x "$work/bin/ffmpeg"
    export PATH="$work/bin:$PATH" FAKE_FFMPEG_ARGS="$work/ffmpeg-args"
}
# The fake ffmpeg's arguments, one a line; its last (the file it wrote).
ffmpeg_args() { tr '\0' '\n' <"$work/ffmpeg-args"; }
ffmpeg_output() { ffmpeg_args | tail -n1; }

# A broken copy of the story: the first line matching $1 edited with the sed expression $2.
broken_copy() {
    cp "$story" "$work/la-la-land.json"
    sed -i "0,/$1/s/$1/$2/" "$work/la-la-land.json"
    line_of=$(grep -n "$2" "$work/la-la-land.json" | head -n1 | cut -d: -f1)
}

case "$case_name" in
help)
    run epilogue --help
    expect_status 0
    expect_in "--screenshot" "$out"
    expect_in "--validate" "$out"
    ;;
version)
    run epilogue --version
    expect_status 0
    expect_in "epilogue 0." "$out"
    ;;
bad-flag)
    run epilogue --no-such-flag
    expect_status 2
    expect_in "--no-such-flag" "$err"
    run epilogue --screenshot "$work/a.png" --size 12x
    expect_status 2
    expect_in "--size" "$err"
    [ ! -e "$work/a.png" ] || fail "a usage error wrote a file"
    ;;
missing-file)
    run epilogue "$work/nope.json" --screenshot "$work/a.png"
    expect_status 2
    expect_in "$work/nope.json: cannot open the file" "$err"
    run epilogue --validate "$work/nope.json"
    expect_status 2
    ;;
validate-ok)
    run epilogue --validate "$story"
    expect_status 0
    [ "$out" = "ok: 16 events in 2 lanes" ] || fail "summary was: $out"
    ;;
validate-unknown-lane)
    broken_copy '"lane": "dream"' '"lane": "dreem"'
    run epilogue --validate "$work/la-la-land.json"
    expect_status 1
    # The error names the file, the line of the typo, a column, and the problem.
    expect_in "la-la-land.json:$line_of:" "$err"
    expect_in ': event "kiss": unknown lane "dreem"' "$err"
    ;;
validate-malformed)
    broken_copy '"time": 25,' '"time": 25,,'
    run epilogue --validate "$work/la-la-land.json"
    expect_status 1
    expect_in "la-la-land.json:$line_of:" "$err"
    expect_in "syntax error" "$err"
    ;;
validate-out-of-order)
    broken_copy '"time": 53,' '"time": 43.5,'
    run epilogue --validate "$work/la-la-land.json"
    expect_status 1
    expect_in "la-la-land.json:$line_of:" "$err"
    expect_in 'event "five-years": at time 43.5, before "always-love"' "$err"
    ;;
validate-fork-order)
    broken_copy '"rejoins_at": "final-notes"' '"rejoins_at": "night-out"'
    run epilogue --validate "$work/la-la-land.json"
    expect_status 1
    expect_in "la-la-land.json:$line_of:" "$err"
    expect_in 'before its last event "same-jazz-bar"' "$err"
    ;;
sidecar)
    run epilogue --screenshot "$work/shot.png" --size 640x360 --scale 2 --at paris --select kiss
    expect_status 0
    [ -s "$work/shot.png.json" ] || fail "no sidecar beside the screenshot"
    [ "$(jq -r '.story.title' "$work/shot.png.json")" = "La La Land — the ending" ] || fail "story title"
    [ "$(jq -r '.story.hash | length' "$work/shot.png.json")" = "16" ] || fail "story hash"
    [ "$(jq -r '.selection' "$work/shot.png.json")" = "kiss" ] || fail "selection"
    [ "$(jq -r '.playhead' "$work/shot.png.json")" = "47" ] || fail "playhead"
    [ "$(jq -r '.size.scale' "$work/shot.png.json")" = "2" ] || fail "scale"
    [ "$(jq -r '.ruler.width' "$work/shot.png.json")" = "1280" ] || fail "ruler rectangle not in image pixels"
    # Every event has a rectangle, alone or in a cluster of events too close to tell apart at this size.
    [ "$(jq -r '[.events[] | (.cluster // 1)] | add' "$work/shot.png.json")" = "16" ] || fail "not every event has a rectangle"
    ;;
restore-round-trip)
    run epilogue --screenshot "$work/a.png" --size 800x450 --range 2:20 --at kiss --select restaurant --animation-time 4.5
    expect_status 0
    run epilogue --restore "$work/a.png.json" --screenshot "$work/b.png"
    expect_status 0
    cmp -s "$work/a.png" "$work/b.png" || fail "the restored screenshot differs from the original"
    case "$err" in *"has changed"*) fail "restoring with the story unchanged warned: $err" ;; esac
    # The sidecar names the version of the story it shows: restoring after the story changed says so.
    cp "$story" "$work/copy.json"
    run epilogue "$work/copy.json" --screenshot "$work/d.png" --size 320x180
    expect_status 0
    sed -i 's/"title": "The kiss"/"title": "A kiss"/' "$work/copy.json"
    run epilogue --restore "$work/d.png.json" --screenshot "$work/e.png"
    expect_status 0
    expect_in "copy.json has changed since" "$err"
    printf '{"playhead": 3,\n "view": }' >"$work/broken.json"
    run epilogue --restore "$work/broken.json" --screenshot "$work/c.png"
    expect_status 2
    expect_in "broken.json:2:10:" "$err"
    ;;
frames)
    run epilogue --frames "$work/frames" --fps 5 --duration 1 --size 320x180 --from 0 --to 20
    expect_status 0
    [ "$(ls "$work/frames" | grep -c '^frame-[0-9]*\.png$')" = "5" ] || fail "expected 5 frames, got: $(ls "$work/frames")"
    [ "$(png_size "$work/frames/frame-00005.png")" = "320x180" ] || fail "frame size"
    [ "$(jq -r '.playhead' "$work/frames/frames.json")" = "0" ] || fail "the sequence's sidecar"
    before=$(cksum <"$work/frames/frame-00001.png")
    run epilogue --frames "$work/frames" --fps 5 --duration 1 --size 320x180
    expect_status 1
    expect_in "already holds frames" "$err"
    [ "$(cksum <"$work/frames/frame-00001.png")" = "$before" ] || fail "an existing frame was changed"
    ;;
video)
    run epilogue --video "$work/out.mp4" --fps 5 --duration 1 --size 320x180
    if command -v ffmpeg >/dev/null; then
        expect_status 0
        [ -s "$work/out.mp4" ] || fail "no video written"
    else
        expect_status 1
        expect_in "--video needs ffmpeg" "$err"
        [ ! -e "$work/out.mp4" ] || fail "a file appeared without ffmpeg"
    fi
    ;;
tour-frames)
    # The guided tour as frames: one a second of the tour's clock, each recorded in frames.json; the camera
    # always holds the playhead; the captions are the story's own words; the same command draws the same pixels.
    run epilogue --frames "$work/tour" --tour --fps 1 --size 320x180
    expect_status 0
    count=$(ls "$work/tour" | grep -c '^frame-[0-9]*\.png$')
    [ "$count" -gt 60 ] || fail "a tour of $count frames"
    [ "$(jq '.frames | length' "$work/tour/frames.json")" = "$count" ] || fail "frames.json records $(jq '.frames | length' "$work/tour/frames.json") of $count frames"
    [ "$(jq -r '.tour.active' "$work/tour/frames.json")" = "true" ] || fail "the sequence's sidecar does not say it is a tour"
    stops=$(jq '.tour.stops' "$work/tour/frames.json")
    [ "$(jq '[.frames[].stop] | unique | length' "$work/tour/frames.json")" = "$stops" ] || fail "not every stop of $stops has a frame"
    [ "$(jq '[.frames[] | select(.view.start > .playhead or .view.end < .playhead)] | length' "$work/tour/frames.json")" = "0" ] \
        || fail "frames whose camera misses the playhead: $(jq -c '[.frames[] | select(.view.start > .playhead or .view.end < .playhead) | .file]' "$work/tour/frames.json")"
    [ "$(jq '[.frames[].stop] | . == sort' "$work/tour/frames.json")" = "true" ] || fail "the stops are not in order"
    jq -r '.frames[].caption' "$work/tour/frames.json" | sort -u | while IFS= read -r caption; do
        grep -qF -- "$(printf '%s' "$caption" | cut -c1-60)" "$story" || echo "$caption"
    done >"$work/foreign"
    [ ! -s "$work/foreign" ] || fail "captions not in the story: $(cat "$work/foreign")"
    run epilogue --frames "$work/again" --tour --fps 1 --size 320x180
    expect_status 0
    for frame in frame-00001.png frame-00020.png "$(ls "$work/tour" | grep '^frame-' | tail -n1)"; do
        cmp -s "$work/tour/$frame" "$work/again/$frame" || fail "$frame differs between two runs of the same command"
    done
    ;;
tour-video)
    # The tour as a video, with its captions as WebVTT subtitles beside it; neither replaces a file unasked.
    fake_ffmpeg
    cd "$work" || exit 1
    run epilogue --video talk.mp4 --tour --fps 1 --size 64x36
    expect_status 0
    [ -s talk.mp4 ] || fail "no video"
    [ "$(head -n1 talk.vtt)" = "WEBVTT" ] || fail "no subtitles beside the video: $(ls)"
    [ "$(grep -c -- ' --> ' talk.vtt)" = "17" ] || fail "expected 17 cues: $(cat talk.vtt)"
    grep -qF "Of course, it’s all just a fantasy." talk.vtt || fail "a caption is missing from the subtitles"
    before=$(cksum <talk.vtt)
    rm talk.mp4
    run epilogue --video talk.mp4 --tour --fps 1 --size 64x36
    expect_status 1
    expect_in "talk.vtt: already exists" "$err"
    [ ! -e talk.mp4 ] || fail "a video was written though its subtitles could not be"
    [ "$(cksum <talk.vtt)" = "$before" ] || fail "the subtitles were replaced"
    ;;
tour-flags)
    run epilogue --tour
    expect_status 2
    expect_in "--tour" "$err"
    run epilogue --frames "$work/f" --tour --duration 3
    expect_status 2
    expect_in "leave out --from, --to and --duration" "$err"
    [ ! -e "$work/f" ] || fail "a usage error made the directory"
    # A video named .vtt would be its own subtitles.
    run epilogue --video "$work/talk.vtt" --tour --fps 1 --size 64x36
    expect_status 2
    expect_in "name the video otherwise" "$err"
    [ ! -e "$work/talk.vtt" ] || fail "a file was written"
    ;;
video-quoted-name)
    # A name with quotes, spaces and shell syntax reaches ffmpeg as one argument; no shell runs it.
    fake_ffmpeg
    cd "$work"
    run epilogue --video "Seb's club.mp4" --fps 5 --duration 1 --size 64x36
    expect_status 0
    [ -s "$work/Seb's club.mp4" ] || fail "no video under the quoted name: $(ls -a "$work")"
    case "$(ffmpeg_output)" in "./.Seb's club.epilogue-"??????".mp4") ;; *) fail "ffmpeg wrote $(ffmpeg_output)" ;; esac
    ffmpeg_args | grep -qx -- -nostdin || fail "ffmpeg not given -nostdin: $(ffmpeg_args)"
    [ "$(stat -c %s "$work/Seb's club.mp4")" = "$((64 * 36 * 4 * 5))" ] || fail "ffmpeg was not given every frame"
    run epilogue --video "x'; touch F; echo '.mp4" --fps 5 --duration 1 --size 64x36
    expect_status 0
    [ ! -e "$work/F" ] || fail "the file name ran a shell command"
    [ -s "$work/x'; touch F; echo '.mp4" ] || fail "no video under the name with shell syntax"
    [ -z "$(leftovers "$work")" ] || fail "temporary files left: $(leftovers "$work")"
    ;;
video-dash-name)
    # A name starting with '-' is a file, never an ffmpeg option: ffmpeg gets it as ./-name.
    fake_ffmpeg
    cd "$work"
    run epilogue --video=-y.mp4 --fps 5 --duration 1 --size 64x36
    expect_status 0
    [ -s "$work/-y.mp4" ] || fail "no video named -y.mp4: $(ls -a "$work")"
    case "$(ffmpeg_output)" in ./.-y.epilogue-??????.mp4) ;; *) fail "ffmpeg wrote $(ffmpeg_output)" ;; esac
    # Odd sizes are padded to even ones for libx264's yuv420p.
    run epilogue --video "$work/odd.mp4" --fps 5 --duration 1 --size 17x17
    expect_status 0
    expect_in "odd.mp4: 5 frames, 18x18" "$out"
    ffmpeg_args | grep -qxF 'pad=ceil(iw/2)*2:ceil(ih/2)*2' || fail "an odd size was not padded: $(ffmpeg_args)"
    case "$(ffmpeg_output)" in "$work/.odd.epilogue-"??????.mp4) ;; *) fail "ffmpeg wrote $(ffmpeg_output)" ;; esac
    ;;
video-ffmpeg-fails)
    # ffmpeg stops at once: no SIGPIPE death (141), its words and its status are told, exit status 1, and
    # no file is left behind, nor an existing one changed with --overwrite.
    fake_ffmpeg
    FAKE_FFMPEG_STATUS=1 FAKE_FFMPEG_SAY="Conversion failed: No space left on device" \
        run epilogue --video "$work/out.mp4" --fps 5 --duration 4 --size 320x180
    expect_status 1
    expect_in "out.mp4: ffmpeg exited with status 1; it said:" "$err"
    expect_in "Conversion failed: No space left on device" "$err"
    [ ! -e "$work/out.mp4" ] || fail "a failed run left a video"
    echo precious >"$work/keep.mp4"
    FAKE_FFMPEG_STATUS=3 FAKE_FFMPEG_SAY="Unknown encoder 'libx264'" \
        run epilogue --video "$work/keep.mp4" --fps 5 --duration 4 --size 320x180 --overwrite
    expect_status 1
    expect_in "ffmpeg exited with status 3" "$err"
    expect_in "Unknown encoder 'libx264'" "$err"
    [ "$(cat "$work/keep.mp4")" = "precious" ] || fail "a failed run changed the existing video"
    [ -z "$(leftovers "$work")" ] || fail "temporary files left: $(leftovers "$work")"
    # An ffmpeg that ends well without taking the frames, and one that is killed: both are failures, told.
    FAKE_FFMPEG_STATUS=0 run epilogue --video "$work/quit.mp4" --fps 5 --duration 4 --size 320x180
    expect_status 1
    expect_in "ffmpeg stopped taking frames" "$err"
    FAKE_FFMPEG_KILL=1 run epilogue --video "$work/crash.mp4" --fps 5 --duration 4 --size 320x180
    expect_status 1
    expect_in "ffmpeg was killed by signal 9" "$err"
    [ ! -e "$work/quit.mp4" ] && [ ! -e "$work/crash.mp4" ] || fail "a failed run left a video"
    # ffmpeg 5 ends with status 0 when a full disk cuts the video short; what it says gives it away.
    FAKE_FFMPEG_SAY="Error writing trailer of x.mp4: No space left on device" \
        run epilogue --video "$work/keep.mp4" --fps 5 --duration 1 --size 64x36 --overwrite
    expect_status 1
    expect_in "ffmpeg reported errors (with exit status 0); it said:" "$err"
    expect_in "No space left on device" "$err"
    [ "$(cat "$work/keep.mp4")" = "precious" ] || fail "a cut-short video replaced the existing one"
    [ -z "$(leftovers "$work")" ] || fail "temporary files left: $(leftovers "$work")"
    ;;
not-regular-outputs)
    # A FIFO or a directory where an output goes is refused, --overwrite or not, and left as it was (the
    # FIFO is never opened: a test that hangs here has failed).
    fake_ffmpeg
    mkfifo "$work/fifo.png" "$work/fifo.mp4" "$work/fifo.png.json"
    mkdir "$work/dir.png"
    for flag in "" --overwrite; do
        run epilogue --screenshot "$work/fifo.png" --size 64x36 $flag
        expect_status 1
        expect_in "fifo.png: is not a regular file (a FIFO); not replaced" "$err"
        run epilogue --screenshot "$work/dir.png" --size 64x36 $flag
        expect_status 1
        expect_in "dir.png: is not a regular file (a directory); not replaced" "$err"
        run epilogue --video "$work/fifo.mp4" --fps 5 --duration 1 --size 64x36 $flag
        expect_status 1
        expect_in "fifo.mp4: is not a regular file (a FIFO); not replaced" "$err"
    done
    # The sidecar of a new PNG is a FIFO: refused before anything is drawn.
    rm "$work/fifo.png"
    run epilogue --screenshot "$work/fifo.png" --size 64x36 --overwrite
    expect_status 1
    expect_in "fifo.png.json: is not a regular file (a FIFO); not replaced" "$err"
    [ ! -e "$work/fifo.png" ] || fail "a PNG was written although its sidecar could not be"
    [ -p "$work/fifo.mp4" ] && [ -p "$work/fifo.png.json" ] && [ -d "$work/dir.png" ] || fail "an output was replaced"
    [ -z "$(leftovers "$work")" ] || fail "temporary files left: $(leftovers "$work")"
    ;;
sidecar-no-clobber)
    # A sidecar follows the PNGs' rule: an existing one is an error up front, unless --overwrite.
    echo precious >"$work/shot.png.json"
    run epilogue --screenshot "$work/shot.png" --size 64x36
    expect_status 1
    expect_in "shot.png.json: already exists; not overwritten" "$err"
    [ ! -e "$work/shot.png" ] || fail "the PNG was written although its sidecar could not be"
    [ "$(cat "$work/shot.png.json")" = "precious" ] || fail "the existing sidecar was replaced"
    run epilogue --screenshot "$work/shot.png" --size 64x36 --overwrite
    expect_status 0
    [ "$(jq -r '.size.width' "$work/shot.png.json")" = "64" ] || fail "--overwrite did not replace the sidecar"
    mkdir "$work/frames"
    echo precious >"$work/frames/frames.json"
    run epilogue --frames "$work/frames" --fps 5 --duration 1 --size 64x36
    expect_status 1
    expect_in "frames.json: already exists; not overwritten" "$err"
    [ "$(ls "$work/frames")" = "frames.json" ] || fail "frames were written: $(ls "$work/frames")"
    [ "$(cat "$work/frames/frames.json")" = "precious" ] || fail "the existing frames.json was replaced"
    run epilogue --frames "$work/frames" --fps 5 --duration 1 --size 64x36 --overwrite
    expect_status 0
    [ "$(jq -r '.size.width' "$work/frames/frames.json")" = "64" ] || fail "--overwrite did not replace frames.json"
    ;;
frames-stop-on-failure)
    # The first frame that cannot be written stops the work: its name and the reason are told, the frames
    # before it stay whole, and none after it is drawn or written.
    mkdir -p "$work/frames/frame-00003.png"
    run epilogue --frames "$work/frames" --fps 10 --duration 10 --size 64x36 --overwrite
    expect_status 1
    expect_in "frames/frame-00003.png: is not a regular file (a directory); not replaced" "$err"
    expect_in "stopped; 2 frames before it" "$err"
    is_png "$work/frames/frame-00001.png" && is_png "$work/frames/frame-00002.png" || fail "earlier frames not whole"
    [ ! -e "$work/frames/frame-00004.png" ] || fail "frames after the failure were written: $(ls "$work/frames")"
    case "$err" in *"100/100 frames"*) fail "rendering went on to the end: $err" ;; esac
    [ -z "$(leftovers "$work")" ] || fail "temporary files left: $(leftovers "$work")"
    ;;
frames-file-too-large)
    # A full disk, as any user can make one: a file size limit (SIGXFSZ ignored, so writes fail with EFBIG).
    # The first failed write stops the work with the file's name and the reason, and leaves no partial PNG.
    run bash -c 'trap "" XFSZ; ulimit -f 48; exec "$@"' limited \
        env LD_PRELOAD="${EPILOGUE_SANITIZER_PRELOAD:-}" "$epilogue_program" \
        --frames "$work/frames" --fps 10 --duration 10 --size 640x360
    expect_status 1
    expect_in "File too large" "$err"
    case "$err" in *"100/100 frames"*) fail "rendering went on to the end: $err" ;; esac
    for frame in "$work"/frames/frame-*.png; do
        [ -e "$frame" ] || continue
        is_png "$frame" && [ "$(png_size "$frame")" = "640x360" ] || fail "a partial frame: $frame"
    done
    [ -z "$(leftovers "$work")" ] || fail "temporary files left: $(leftovers "$work")"
    ;;
odd-text)
    # Emoji, CJK, right-to-left text, a very long word and 10,000 characters: each event, selected, renders.
    odd="$(dirname "$0")/../data/odd-text.json"
    for event in a b c d; do
        run epilogue "$odd" --screenshot "$work/odd-$event.png" --select "$event" --size 640x360
        expect_status 0
        is_png "$work/odd-$event.png" || fail "no PNG for event $event"
    done
    ;;
ten-megabytes)
    # A story of over 10 MB loads, validates and renders.
    run sanitized "$build_dir/epilogue-bench" --generate 20000 -o "$work/big.json"
    expect_status 0
    [ "$(stat -c %s "$work/big.json")" -gt 10000000 ] || fail "the generated story is under 10 MB"
    run epilogue --validate "$work/big.json"
    expect_status 0
    run epilogue "$work/big.json" --screenshot "$work/big.png" --size 640x360
    expect_status 0
    ;;
font-fallback)
    # With no TrueType font to be found, the program says so and still renders, with the built-in font.
    printf '<?xml version="1.0"?>\n<fontconfig></fontconfig>\n' >"$work/no-fonts.conf"
    FONTCONFIG_FILE="$work/no-fonts.conf" run epilogue --screenshot "$work/shot.png" --size 320x180
    expect_status 0
    expect_in "no TrueType font found" "$err"
    is_png "$work/shot.png" || fail "no PNG written"
    ;;
bench-runs)
    # The benchmark runs and prints its table (its figures are not checked: timings stay out of the tests).
    # (The window section is left out here, whatever display the tests run on; it has a run of its own below.)
    run sanitized "$build_dir/epilogue-bench" --sizes 100,1000 --frames 10 --width 640 --height 360 --window-launches 0
    expect_status 0
    expect_in "la-la-land.json" "$out"
    expect_in "generated-1000.json" "$out"
    expect_in "whole frame" "$out"
    # Each generated story has a Japanese twin, listed beside it with its first frame.
    expect_in "generated-ja-1000.json" "$out"
    expect_in "first frame" "$out"
    run sanitized "$build_dir/epilogue-bench" --sizes 100 --frames 10 --width 640 --height 360 --load-runs 3 \
        --first-frame-runs 1 --window-launches 0 --json
    expect_status 0
    [ "$(jq -r '.stories | length' <<<"$out")" = "3" ] || fail "--json: $out"
    [ "$(jq -r '.stories[1].events' <<<"$out")" = "100" ] || fail "--json events"
    [ "$(jq -r '.stories[2].japanese_twin_of' <<<"$out")" = "generated-100.json" ] || fail "--json twin: $out"
    [ "$(jq -r '[.stories[] | .first_frame_ms > 0] | all' <<<"$out")" = "true" ] || fail "--json first frame: $out"
    # The load time is the median of the runs, between their fastest and slowest.
    [ "$(jq -r '[.stories[] | .load_min_ms <= .load_ms and .load_ms <= .load_max_ms and .load_min_ms > 0] | all' \
        <<<"$out")" = "true" ] || fail "--json load times: $out"
    # The window section, under Xvfb: the program launched and timed to its first frame (through its
    # --frame-log), then the 100-event story's playhead dragged with xdotool, as the window opens and with
    # reduced motion. The figures are not checked, only that each was taken.
    run xvfb-run -a -s "-screen 0 800x600x24" env LD_PRELOAD="${EPILOGUE_SANITIZER_PRELOAD:-}" \
        "$build_dir/epilogue-bench" --sizes 100 --japanese-up-to 0 --frames 10 --width 640 --height 360 --load-runs 1 \
        --first-frame-runs 1 --window-launches 2 --drag-events 100 --json
    expect_status 0
    [ "$(jq -r '.window.measured and .window.launches == 2 and .window.peak_mb > 0' <<<"$out")" = "true" ] ||
        fail "window section: $out $err"
    [ "$(jq -r '.window.from_launch_ms | .main.median <= .window.median and .window.median <= .renderer.median and
        .renderer.median <= ."first frame presented".median' <<<"$out")" = "true" ] || fail "start-up steps: $out"
    [ "$(jq -r '[.window.drags[] | .frames > 1 and .interval_ms.median > 0 and .story == "generated-100.json"] |
        length == 2 and all' <<<"$out")" = "true" ] || fail "drags: $out"
    [ "$(jq -r '[.window.drags[].reduced_motion] == [false, true]' <<<"$out")" = "true" ] || fail "drags: $out"
    # Without a display the window section says why it was not measured.
    run env -u DISPLAY LD_PRELOAD="${EPILOGUE_SANITIZER_PRELOAD:-}" "$build_dir/epilogue-bench" --sizes 100 \
        --japanese-up-to 0 --frames 10 --width 64 --height 64 --load-runs 1 --first-frame-runs 1
    expect_status 0
    expect_in "window: not measured (no X display: run under xvfb-run" "$out"
    # --generate writes a story that validates.
    run sanitized "$build_dir/epilogue-bench" --generate 2000 --lanes 5 --seed 3 -o "$work/generated.json"
    expect_status 0
    run epilogue --validate "$work/generated.json"
    expect_status 0
    [ "$out" = "ok: 2000 events in 5 lanes" ] || fail "generated story: $out"
    # --generate refuses, at once and writing nothing, a story over the size every command loads.
    run sanitized "$build_dir/epilogue-bench" --generate 3000000 -o "$work/three-million.json"
    expect_status 1
    expect_in "over the limit of 1024 MiB that every command loads; about 1900000 events fit" "$err"
    [ ! -e "$work/three-million.json" ] || fail "--generate wrote a story that no command loads"
    # The png section: the encoder in use and the one before it, on a real frame.
    run sanitized "$build_dir/epilogue-bench" --png-only --png-runs 1 --width 320 --height 180 --json
    expect_status 0
    [ "$(jq -r '[.png.encoders[] | .bytes > 0] | length' <<<"$out")" = "2" ] || fail "--png-only --json: $out"
    ;;
bench-odd-name)
    # The benchmark loads each story in a child of its own, started without a shell: quotes, shell syntax
    # and a leading '-' in a story's name are just a name.
    cd "$work"
    cp "$story" "$work/Seb's \$(touch G) story.json"
    cp "$story" "$work/-dash.json"
    run sanitized "$build_dir/epilogue-bench" --frames 10 --width 64 --height 64 --load-runs 2 --window-launches 0 \
        "$work/Seb's \$(touch G) story.json" -- -dash.json
    expect_status 0
    expect_in "Seb's \$(touch G) story.json" "$out"
    expect_in "-dash.json" "$out"
    [ ! -e "$work/G" ] || fail "a story's name ran a shell command"
    ;;
installed)
    # cmake --install puts the program and its stories where it finds them again, from any directory.
    cmake --install "$build_dir" --prefix "$work/prefix" >/dev/null || fail "cmake --install failed"
    cd "$work"
    run sanitized "$work/prefix/bin/epilogue" --screenshot "$work/installed.png" --size 320x180
    expect_status 0
    is_png "$work/installed.png" || fail "the installed program wrote no PNG"
    run sanitized "$work/prefix/bin/epilogue" --validate "$work/prefix/share/epilogue/stories/la-la-land.json"
    expect_status 0
    ;;
format-doc-example)
    # The complete example in the format's documentation (its first JSON block; later ones are fragments) is a
    # valid story.
    sed -n '/^```json$/,/^```$/{p;/^```$/q}' "$(dirname "$story")/README.md" | sed '1d;$d' >"$work/example.json"
    [ -s "$work/example.json" ] || fail "no JSON example found in assets/stories/README.md"
    run epilogue --validate "$work/example.json"
    expect_status 0
    [ "$out" = "ok: 5 events in 2 lanes" ] || fail "summary was: $out"
    ;;
broken-story-does-not-open)
    broken_copy '"lane": "dream"' '"lane": "dreem"'
    run epilogue "$work/la-la-land.json" --screenshot "$work/shot.png"
    expect_status 1
    expect_in 'unknown lane "dreem"' "$err"
    [ ! -e "$work/shot.png" ] || fail "a broken story still produced a screenshot"
    ;;
screenshot-size)
    run epilogue --screenshot "$work/shot.png" --size 640x360
    expect_status 0
    is_png "$work/shot.png" || fail "not a PNG file"
    [ "$(png_size "$work/shot.png")" = "640x360" ] || fail "size is $(png_size "$work/shot.png")"
    ;;
screenshot-scale)
    run epilogue --screenshot "$work/shot.png" --size 480x270 --scale 2 --no-ui
    expect_status 0
    [ "$(png_size "$work/shot.png")" = "960x540" ] || fail "size is $(png_size "$work/shot.png")"
    ;;
screenshot-no-overwrite)
    run epilogue --screenshot "$work/shot.png" --size 320x180
    expect_status 0
    before=$(cksum <"$work/shot.png")
    run epilogue --screenshot "$work/shot.png" --size 400x200
    expect_status 1
    expect_in "already exists; not overwritten" "$err"
    [ "$(cksum <"$work/shot.png")" = "$before" ] || fail "the existing file was changed"
    run epilogue --screenshot "$work/shot.png" --size 400x200 --overwrite
    expect_status 0
    [ "$(png_size "$work/shot.png")" = "400x200" ] || fail "--overwrite did not replace the file"
    [ -z "$(find "$work" -name '.shot.png.*')" ] || fail "a temporary file was left behind"
    ;;
screenshot-unwritable)
    mkdir "$work/locked"
    chmod a-w "$work/locked"
    if [ -w "$work/locked" ]; then
        # Running as root: permissions do not stop writes; a missing directory does.
        run epilogue --screenshot "$work/missing-dir/shot.png" --size 320x180
    else
        run epilogue --screenshot "$work/locked/shot.png" --size 320x180
    fi
    expect_status 1
    expect_in "cannot write in" "$err"
    ;;
screenshot-flags)
    run epilogue --screenshot "$work/a.png" --size 320x180 --at paris --select kiss
    expect_status 0
    run epilogue --screenshot "$work/b.png" --size 320x180 --at nowhere
    expect_status 2
    expect_in 'no event "nowhere"' "$err"
    run epilogue --screenshot "$work/c.png" --time 10 --at paris
    expect_status 2
    ;;
no-display)
    # With no display the window says so at once, instead of running invisibly on a fallback driver.
    run env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER XDG_RUNTIME_DIR="$work" timeout 20 "$epilogue_program" "$story"
    expect_status 1
    expect_in "there is no display" "$err"
    expect_in "--screenshot" "$err"
    ;;
state-file-is-story)
    # --state-file is rewritten after every frame: naming the story file itself is refused before anything
    # is written, and the story stays as it was.
    cp "$story" "$work/story.json"
    run timeout 20 "$epilogue_program" "$work/story.json" --state-file "$work/./story.json"
    expect_status 2
    expect_in "is the story file itself" "$err"
    cmp -s "$story" "$work/story.json" || fail "the story file was changed"
    ;;
limits-render)
    # What --validate accepts, every command renders: stories at the limits (times of ±1e12, and the
    # narrowest spread allowed, far from 0 and near it) validate, render with the playhead on an event and
    # another selected, and every event is drawn on the canvas (the sidecar's rectangles are inside it).
    limit_story() {  # NAME TIME1 TIME2 TIME3 TIME4
        cat >"$work/$1.json" <<STORY
{"format": "epilogue-story/1", "title": "At the limits",
 "eras": [{"name": "All", "start": $2, "end": $5}],
 "lanes": [{"id": "real", "title": "Real"},
           {"id": "dream", "title": "Dream", "kind": "dream", "forks_from": "e1", "rejoins_at": "e4"}],
 "events": [{"id": "e1", "lane": "real", "time": $2, "title": "First"},
            {"id": "d1", "lane": "dream", "time": $3, "title": "Dreamt"},
            {"id": "e3", "lane": "real", "time": $4, "title": "Third"},
            {"id": "e4", "lane": "real", "time": $5, "title": "Last"}],
 "pairs": [["d1", "e3"]]}
STORY
    }
    limit_story widest -1e12 -5e11 5e11 1e12
    limit_story narrow-far 999999000000 999999400000 999999600000 1e12
    limit_story narrow-near 0 4e-7 6e-7 1e-6
    limit_story narrow-negative -1e12 -999999999999.6e0 -999999999999.4e0 -999999000000
    for name in widest narrow-far narrow-near narrow-negative; do
        run epilogue --validate "$work/$name.json"
        expect_status 0
        [ "$out" = "ok: 4 events in 2 lanes" ] || fail "$name: $out"
        run epilogue "$work/$name.json" --screenshot "$work/$name.png" --size 640x360 --at e1 --select e4
        expect_status 0
        [ "$(png_size "$work/$name.png")" = "640x360" ] || fail "$name: size $(png_size "$work/$name.png")"
        sidecar="$work/$name.png.json"
        [ "$(jq -r '[.events[] | (.cluster // 1)] | add' "$sidecar")" = "4" ] || fail "$name: not every event is drawn"
        [ "$(jq -r '.canvas as $c | [.events[] | .rect | .x >= $c.x and .y >= $c.y and .x + .width <= $c.x + $c.width
              and .y + .height <= $c.y + $c.height] | all' "$sidecar")" = "true" ] || fail "$name: an event off the canvas"
        # Its sidecar restores, and a sequence of frames runs through it.
        run epilogue --restore "$sidecar" --screenshot "$work/$name-again.png"
        expect_status 0
        cmp -s "$work/$name.png" "$work/$name-again.png" || fail "$name: the restored screenshot differs"
        run epilogue "$work/$name.json" --frames "$work/$name-frames" --fps 2 --duration 1 --size 64x36
        expect_status 0
    done
    # One step past: times past the limit, and a spread too narrow to tell apart, are errors at their place.
    limit_story past 1 2 3 9e307
    line_of=$(grep -n '"id": "e4"' "$work/past.json" | cut -d: -f1)
    run epilogue --validate "$work/past.json"
    expect_status 1
    expect_in "past.json:$line_of:" "$err"
    expect_in 'event "e4": field "time" is 9e+307; it must be from -1e+12 to 1e+12' "$err"
    run epilogue "$work/past.json" --screenshot "$work/past.png" --at e1 --select e4
    expect_status 1
    [ ! -e "$work/past.png" ] || fail "a story past the limits rendered"
    limit_story tiny 0 1e-20 2e-20 3e-20
    run epilogue --validate "$work/tiny.json"
    expect_status 1
    expect_in "tiny.json:$line_of:" "$err"
    expect_in "story: the times span only 3e-20" "$err"
    ;;
limits-flags)
    # Every number on the command line is checked with the same limits: NaN, infinities and values out of
    # range are usage errors in CLI11's words (exit status 2), and so are empty paths. Nothing is written.
    for args in "--scale nan" "--scale 0" "--scale inf" "--time nan" "--time 1e999" "--range -inf:inf" "--range 5:5" \
                "--range 1:1.0000000000000002" "--from nan" "--to inf" "--animation-time nan" "--animation-time -1" \
                "--fps nan" "--duration inf" "--size 16384x16384 --scale 2" "--size 0x0" "--size 99999999999x720"; do
        run epilogue --screenshot "$work/a.png" $args
        expect_status 2
        expect_in "${args%% *}" "$err"
        expect_in "Run with --help for more information." "$err"
    done
    run epilogue --screenshot "$work/a.png" --scale nan
    expect_in "--scale: is nan, not a number" "$err"
    run epilogue --screenshot "$work/a.png" --size 16384x720 --scale 2
    expect_in "makes an image of 32768x1440 pixels; each side must be at most 16384" "$err"
    [ ! -e "$work/a.png" ] || fail "a usage error wrote a file"
    for flag in --validate --screenshot --frames --video --restore --at --select --state-file --screenshot-dir; do
        run epilogue "$flag" ""
        expect_status 2
        expect_in "$flag: must not be empty" "$err"
    done
    run epilogue ""
    expect_status 2
    expect_in "story: must not be empty" "$err"
    # At the edges, accepted.
    run epilogue --screenshot "$work/edge.png" --size 2048x16 --scale 8 --time -1e15 --animation-time 1e6 --no-ui
    expect_status 0
    [ "$(png_size "$work/edge.png")" = "16384x128" ] || fail "size $(png_size "$work/edge.png")"
    run epilogue --screenshot "$work/far.png" --size 320x180 --time -1e15 --range 1e15:1.5e15
    expect_status 2
    run epilogue --screenshot "$work/far.png" --size 320x180 --time -1e15 --range -1e15:1e15
    expect_status 0
    ;;
restore-hostile)
    # A sidecar is checked like a command line: sizes, scales, times and types out of the limits are
    # refused up front (exit status 2), before anything is drawn or written.
    run epilogue --screenshot "$work/base.png" --size 320x180
    expect_status 0
    hostile() { jq "$1" "$work/base.png.json" >"$work/hostile.json"; }
    for change in '.size.width = -100' '.size.width = 1e12' '.size.scale = 0' '.size.scale = -2' '.size.scale = 1e30' \
                  '.size.scale = 1000' '.size.width = 16384 | .size.scale = 2' '.playhead = 1e300' '.view.end = .view.start' \
                  '.animation_time = -1' '.playhead = "nope"' '.ui = "yes"' '.story.file = ""'; do
        hostile "$change"
        run timeout 20 env LD_PRELOAD="${EPILOGUE_SANITIZER_PRELOAD:-}" "$epilogue_program" \
            --restore "$work/hostile.json" --screenshot "$work/out.png"
        expect_status 2
        expect_in "epilogue: --restore: $work/hostile.json: " "$err"
        [ ! -e "$work/out.png" ] || fail "$change: rendered"
    done
    hostile '.size.scale = 1e30'
    run epilogue --restore "$work/hostile.json" --screenshot "$work/out.png"
    expect_in "size.scale is 1e+30; it must be from 0.5 to 8" "$err"
    # NaN is not JSON: refused where it stands.
    sed 's/"playhead": [^,]*,/"playhead": NaN,/' "$work/base.png.json" >"$work/nan.json"
    run epilogue --restore "$work/nan.json" --screenshot "$work/out.png"
    expect_status 2
    expect_in "nan.json:" "$err"
    # A sidecar that names a file that is not a story: a message about the sidecar, never the file's content.
    hostile '.story.file = "/etc/passwd"'
    run epilogue --restore "$work/hostile.json" --screenshot "$work/out.png"
    expect_status 1
    expect_in "hostile.json: the story it names, /etc/passwd: not a valid story" "$err"
    case "$err" in *root*|*/bin/*) fail "the content of /etc/passwd was printed: $err" ;; esac
    hostile '.story.file = "/dev/zero"'
    run timeout 10 env LD_PRELOAD="${EPILOGUE_SANITIZER_PRELOAD:-}" "$epilogue_program" \
        --restore "$work/hostile.json" --screenshot "$work/out.png"
    expect_status 2
    expect_in "the story it names, /dev/zero: is not a regular file (a character device)" "$err"
    [ ! -e "$work/out.png" ] || fail "rendered"
    ;;
not-regular-inputs)
    # A FIFO, /dev/zero or a directory, as a story or as a sidecar: refused at once with the reason (exit
    # status 2), never waited on or read without end. Each run is under `timeout`: a hang fails, not stalls.
    mkfifo "$work/fifo.json"
    bounded() { run timeout 10 env LD_PRELOAD="${EPILOGUE_SANITIZER_PRELOAD:-}" "$epilogue_program" "$@"; }
    for input in "$work/fifo.json:a FIFO" "/dev/zero:a character device" "$work:a directory"; do
        path=${input%%:*} kind=${input#*:}
        bounded --validate "$path"
        expect_status 2
        expect_in "$path: is not a regular file ($kind)" "$err"
        bounded "$path" --screenshot "$work/out.png"
        expect_status 2
        expect_in "$path: is not a regular file ($kind)" "$err"
        bounded --restore "$path" --screenshot "$work/out.png"
        expect_status 2
        expect_in "epilogue: --restore: $path: is not a regular file ($kind)" "$err"
    done
    [ ! -e "$work/out.png" ] || fail "rendered"
    # A file that cannot be opened says why.
    run epilogue --validate "$work/missing.json"
    expect_status 2
    expect_in "missing.json: cannot open the file: No such file or directory" "$err"
    ;;
hostile-text)
    # Ids holding escape sequences never reach the terminal raw; --at and --select with an unknown id name
    # at most ten ids, the nearest by name; a story with hundreds of errors says it stopped counting.
    cat >"$work/escapes.json" <<'STORY'
{"format": "epilogue-story/1", "title": "Escapes",
 "lanes": [{"id": "a\u001b[31m", "title": "A"}],
 "events": [{"id": "e\u001b]0;owned\u0007", "lane": "a\u001b[2J", "time": 1, "title": "t"}]}
STORY
    run epilogue --validate "$work/escapes.json"
    expect_status 1
    expect_in 'unknown lane "a\u001b[2J"' "$err"
    case "$err" in *$'\e'*|*$'\a'*) fail "a control character reached the terminal: $(printf '%q' "$err")" ;; esac
    run epilogue --screenshot "$work/a.png" --at $'kis\e[2J'
    expect_status 2
    expect_in 'no event "kis\u001b[2J"' "$err"
    case "$err" in *$'\e'*) fail "a control character reached the terminal" ;; esac
    run sanitized "$build_dir/epilogue-bench" --generate 20000 -o "$work/big.json"
    expect_status 0
    run epilogue "$work/big.json" --screenshot "$work/big.png" --size 320x180 --select nope
    expect_status 2
    [ "${#err}" -lt 1000 ] || fail "--select nope printed ${#err} bytes"
    expect_in "and 19990 more" "$err"
    # Hundreds of errors: the count says where it stopped.
    python3 - "$work/many.json" <<'PY'
import json, sys
events = [{"id": "e%d" % i, "lane": "nowhere", "time": i, "title": "t"} for i in range(400)]
json.dump({"format": "epilogue-story/1", "title": "t", "lanes": [{"id": "a", "title": "A"}], "events": events},
          open(sys.argv[1], "w"))
PY
    run epilogue --validate "$work/many.json"
    expect_status 1
    expect_in "many.json: invalid: at least 50 errors (stopped counting)" "$err"
    [ "$(grep -c 'unknown lane' <<<"$err")" = "50" ] || fail "expected 50 errors listed"
    # A pair listed twice is an error, not fifty "in the other life" rows.
    python3 - "$work/pairs.json" <<'PY'
import json, sys
json.dump({"format": "epilogue-story/1", "title": "t", "lanes": [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}],
           "events": [{"id": "x", "lane": "a", "time": 1, "title": "X"}, {"id": "y", "lane": "b", "time": 1, "title": "Y"}],
           "pairs": [["x", "y"]] * 50}, open(sys.argv[1], "w"))
PY
    run epilogue --validate "$work/pairs.json"
    expect_status 1
    expect_in 'pairs[1]: "x" and "y" are paired already, by pairs[0]' "$err"
    ;;
dates-validate)
    # The example story in dates validates; a broken date in a copy is an error at its line and column.
    dated="$(dirname "$story")/example-ides-of-march.json"
    run epilogue --validate "$dated"
    expect_status 0
    [ "$out" = "ok: 11 events in 2 lanes" ] || fail "summary was: $out"
    sed 's/"time": "-0048-01-10"/"time": "-0048-02-30"/' "$dated" >"$work/dated.json"
    line=$(grep -n -- '-0048-02-30' "$work/dated.json" | cut -d: -f1)
    column=$(( $(grep -- '-0048-02-30' "$work/dated.json" | sed 's/"-0048-02-30".*//' | wc -c) ))
    run epilogue --validate "$work/dated.json"
    expect_status 1
    expect_in "dated.json:$line:$column: event \"rubicon\": field \"time\": \"-0048-02-30\" is not a date: February -0048 (49 BC) has 29 days" "$err"
    sed 's/"time": "-0048-01-10"/"time": 1/' "$dated" >"$work/mixed.json"
    run epilogue --validate "$work/mixed.json"
    expect_status 1
    expect_in 'event "rubicon": field "time" is a number, but the story'"'"'s first time (line 10, column 34) is a date' "$err"
    ;;
dates-flags)
    # --time, --range, --from and --to take the story's notation: dates in a story in dates, with START..END
    # for times of day; the other notation is a usage error naming the flag.
    dated="$(dirname "$story")/example-ides-of-march.json"
    run epilogue "$dated" --screenshot "$work/a.png" --size 640x360 --time -0043-03-15T10:00 \
        --range -0043-03-14T20:00..-0043-03-15T14:00
    expect_status 0
    [ "$(jq -r '.playhead_when' "$work/a.png.json")" = "-0043-03-15T10:00" ] || fail "playhead: $(jq -c .playhead_when "$work/a.png.json")"
    [ "$(jq -r '.view.start_when + " " + .view.end_when' "$work/a.png.json")" = "-0043-03-14T20:00 -0043-03-15T14:00" ] ||
        fail "view: $(jq -c .view "$work/a.png.json")"
    run epilogue "$dated" --screenshot "$work/b.png" --size 640x360 --range -0043-03-15T08:00:-0043-03-15T12:00
    expect_status 0
    [ "$(jq -r '.view.start_when' "$work/b.png.json")" = "-0043-03-15T08:00" ] || fail "START:END with times of day"
    run epilogue "$dated" --screenshot "$work/c.png" --range -0100:0100
    expect_status 0
    run epilogue --screenshot "$work/d.png" --time 1942-06-04
    expect_status 2
    expect_in "--time: '1942-06-04' is a date, but the story's times are numbers (from 0 to 80)" "$err"
    run epilogue "$dated" --screenshot "$work/d.png" --time 12
    expect_status 2
    expect_in "--time: '12' is a number, but the story's times are dates" "$err"
    run epilogue "$dated" --screenshot "$work/d.png" --range -0043-03-16..-0043-03-15
    expect_status 2
    expect_in "--range: '-0043-03-16..-0043-03-15': starts at -0043-03-16, not before its end -0043-03-15" "$err"
    run epilogue "$dated" --frames "$work/frames" --from 1942 --to 12
    expect_status 2
    expect_in "--to: '12' is a number" "$err"
    run epilogue "$dated" --screenshot "$work/d.png" --time 1942-02-30
    expect_status 2
    expect_in "--time: '1942-02-30' is not a date: February 1942 has 28 days" "$err"
    run epilogue --screenshot "$work/d.png" --range 1942-06-01:12
    expect_status 2
    expect_in "one end is a number and the other a date" "$err"
    [ ! -e "$work/d.png" ] || fail "a usage error wrote a file"
    ;;
dates-ruler)
    # The sidecar lists the ruler's labels as a calendar writes them, and each event's time as the story does.
    dated="$(dirname "$story")/example-ides-of-march.json"
    run epilogue "$dated" --screenshot "$work/whole.png" --size 1600x900
    expect_status 0
    labels=$(jq -r '[.ruler.ticks[].label] | join("|")' "$work/whole.png.json")
    expect_in "100 BC|AD 1|AD 100" "$labels"
    [ "$(jq -r '.time.kind + " " + .time.epoch' "$work/whole.png.json")" = "dates -0752-04-21" ] || fail "time: $(jq -c .time "$work/whole.png.json")"
    [ "$(jq -r '.events[] | select(.id == "founding") | .when' "$work/whole.png.json")" = "-0752-04-21" ] || fail "event when"
    run epilogue "$dated" --screenshot "$work/hours.png" --size 1600x900 --range -0043-03-14T20:00..-0043-03-15T14:00
    labels=$(jq -r '[.ruler.ticks[].label] | join("|")' "$work/hours.png.json")
    expect_in "14 Mar 44 BC, 20:00|22:00|15 Mar|02:00" "$labels"
    # Ticks are in the PNG's pixels, left to right, and labels never share a place.
    [ "$(jq '[.ruler.ticks[].x] | . == sort and (unique | length) == length' "$work/hours.png.json")" = "true" ] || fail "ticks out of order"
    ;;
*)
    echo "unknown case: $case_name"
    exit 2
    ;;
esac

finish
