#!/usr/bin/env bash
# Vector stills end to end: --screenshot OUT.svg / OUT.pdf against a PNG of the same frame, paper sizes, and
# the care bad input gets (an unknown extension, an unwritable directory, a full disk, an existing file).
# Each case is its own CTest test: export_tests.sh EPILOGUE STORY CASE. Prints "1 passed, 0 failed" or what went
# wrong. Needs xmllint (libxml2-utils), pdftotext and pdftoppm (poppler-utils), and Debian's python3.
set -u
source "$(dirname "$0")/../cli/harness.sh" "$@"
here=$(cd "$(dirname "$0")" && pwd)
python=/usr/bin/python3
# The same frame as a PNG, for comparison: $1 the size, then more flags.
frame_flags=(--size 1600x900 --at restaurant --select kiss --animation-time 3)

case "$case_name" in
svg)
    # Well-formed, every visible label as real text, the sidecar's rectangles those of the PNG's.
    run epilogue "$story" --screenshot "$work/a.png" "${frame_flags[@]}"
    expect_status 0
    run epilogue "$story" --screenshot "$work/a.svg" "${frame_flags[@]}"
    expect_status 0
    expect_in "a.svg: 1600x900" "$out"
    xmllint --noout "$work/a.svg" || fail "the SVG is not well-formed XML"
    $python "$here/check_still.py" svg-text "$work/a.png.json" "$work/a.svg" || fail "labels missing from the SVG"
    $python "$here/check_still.py" sidecars "$work/a.png.json" "$work/a.svg.json" || fail "the SVG's sidecar differs"
    [ "$(jq -r .format "$work/a.svg.json")" = svg ] || fail "the sidecar does not say it describes an SVG"
    grep -q "$(dirname "$(readlink -f "$story")")" "$work/a.svg" && fail "the SVG names the story's directory"
    # It draws: librsvg turns it into a picture of the frame's size.
    rsvg-convert "$work/a.svg" -o "$work/a-svg.png" || fail "rsvg-convert cannot draw the SVG"
    ;;
pdf)
    # The PDF's text holds the labels; pdftoppm draws its nodes where the PNG's sidecar says.
    run epilogue "$story" --screenshot "$work/a.png" "${frame_flags[@]}"
    expect_status 0
    run epilogue "$story" --screenshot "$work/a.pdf" "${frame_flags[@]}"
    expect_status 0
    expect_in "a.pdf: 1600x900" "$out"
    pdftotext -raw "$work/a.pdf" "$work/a.txt" || fail "pdftotext cannot read the PDF"
    $python "$here/check_still.py" pdf-text "$work/a.png.json" "$work/a.txt" || fail "labels missing from the PDF's text"
    pdftoppm -r 72 -singlefile "$work/a.pdf" "$work/page" || fail "pdftoppm cannot draw the PDF"
    $python "$here/check_still.py" nodes "$work/a.png.json" "$work/page.ppm" || fail "nodes misplaced in the PDF"
    $python "$here/check_still.py" sidecars "$work/a.png.json" "$work/a.pdf.json" || fail "the PDF's sidecar differs"
    # The fonts are in it, and its metadata names the story by its title, never a path.
    pdffonts "$work/a.pdf" | grep -q "DejaVuSans" || fail "DejaVu Sans is not embedded: $(pdffonts "$work/a.pdf")"
    pdffonts "$work/a.pdf" | awk 'NR > 2 && $(NF-4) != "yes" { bad = 1 } END { exit bad }' ||
        fail "a font is not embedded: $(pdffonts "$work/a.pdf")"
    pdfinfo "$work/a.pdf" | grep -q "^Title: *La La Land" || fail "the title is not in the metadata: $(pdfinfo "$work/a.pdf")"
    grep -aq "$(dirname "$(readlink -f "$story")")" "$work/a.pdf" && fail "the PDF names the story's directory"
    ;;
every-script)
    # Every script drawn as the PNG draws it (the story is tests/data/every-script.json): in the PDF, the fonts
    # that have the scripts, each title read back in logical order (Arabic and Hebrew too), the strokes of
    # letters in every label and emoji in colour; in the SVG, every title as a <text> naming those fonts.
    flags=(--size 1600x900 --select arabic)
    run epilogue "$story" --screenshot "$work/a.pdf" "${flags[@]}"
    expect_status 0
    case "$err" in *"drawn as boxes"*) fail "a script has no font here: $err" ;; esac
    fonts=$(pdffonts "$work/a.pdf")
    for font in DejaVuSans NotoSansCJK NotoSansThai NotoSansDevanagari NotoSansTamil; do
        grep -q "$font" <<<"$fonts" || fail "no $font in the PDF: $fonts"
    done
    pdftotext "$work/a.pdf" "$work/a.txt" || fail "pdftotext cannot read the PDF"
    $python "$here/check_still.py" words "$work/a.pdf.json" "$work/a.txt" "東京の夜、ひらがなとカタカナ" "城市之星的夜晚" \
        "서울의 밤" "คืนที่กรุงเทพ" "क्षितिज पर रात" "சென்னையின் இரவு" "ليلة في القاهرة مع" "לילה בתל אביב" \
        "بعد خمس سنوات التقيا" || fail "titles missing from the PDF's text"
    pdftoppm -r 72 -singlefile "$work/a.pdf" "$work/page" || fail "pdftoppm cannot draw the PDF"
    $python "$here/check_still.py" ink "$work/a.pdf.json" "$work/page.ppm" || fail "labels not drawn in the PDF"
    run epilogue "$story" --screenshot "$work/a.svg" "${flags[@]}"
    expect_status 0
    xmllint --noout "$work/a.svg" || fail "the SVG is not well-formed XML"
    for words in "東京の夜、ひらがなとカタカナ" "ليلة في القاهرة مع Jazz 42" "Emoji 🏃‍♀️ 🇫🇷 👍🏽 🎹"; do
        grep -qF ">$words</text>" "$work/a.svg" || fail "no <text> holds '$words'"
    done
    grep -q "font-family:'DejaVu Sans','Noto Sans CJK" "$work/a.svg" || fail "the SVG does not name the CJK font"
    grep -q 'direction="rtl"' "$work/a.svg" || fail "the SVG sets no right-to-left text"
    ;;
paper)
    # A4, A3 and Letter, landscape, with the frame fitted in; the sidecar says where.
    for paper in A4 a3 Letter; do
        run epilogue "$story" --screenshot "$work/$paper.pdf" --paper "$paper" --size 1280x720
        expect_status 0
        size=$(pdfinfo "$work/$paper.pdf" | sed -n 's/^Page size: *\([0-9.]*\) x \([0-9.]*\) pts.*/\1x\2/p')
        case "$paper" in
        A4) expected=841.89x595.28 ;;
        a3) expected=1190.55x841.89 ;;
        Letter) expected=792x612 ;;
        esac
        [ "$size" = "$expected" ] || fail "$paper: page $size, expected $expected"
        [ "$(jq -r '.page.frame.width > 700 and .page.frame.x >= 28' "$work/$paper.pdf.json")" = true ] ||
            fail "$paper: the sidecar does not place the frame: $(jq -c .page "$work/$paper.pdf.json")"
    done
    run epilogue "$story" --screenshot "$work/b.pdf" --paper A5
    expect_status 2
    expect_in "'A5' is not a paper size (A4, A3, Letter)" "$err"
    run epilogue "$story" --screenshot "$work/b.png" --paper A4
    expect_status 2
    expect_in "a paper size is for a PDF screenshot" "$err"
    ;;
unknown-extension)
    mkdir "$work/out"
    run epilogue "$story" --screenshot "$work/out/a.jpg"
    expect_status 2
    expect_in "unknown image type '.jpg'; a screenshot is a .png, .svg or .pdf file" "$err"
    run epilogue "$story" --screenshot "$work/out/noextension"
    expect_status 2
    expect_in "no extension" "$err"
    [ -z "$(ls -A "$work/out")" ] || fail "files were written: $(ls -A "$work/out")"
    # Any case is fine.
    run epilogue "$story" --screenshot "$work/out/UPPER.SVG" --size 320x180
    expect_status 0
    ;;
no-overwrite)
    # An existing SVG, PDF, page or sidecar is never replaced without --overwrite; with it, it is.
    for name in a.svg a.pdf page.html; do
        echo keep >"$work/$name"
        flag=--screenshot
        [ "$name" = page.html ] && flag=--html
        run epilogue "$story" "$flag" "$work/$name" --size 320x180
        expect_status 1
        expect_in "$name: already exists; not overwritten" "$err"
        grep -qx keep "$work/$name" || fail "$name was replaced"
        run epilogue "$story" "$flag" "$work/$name" --size 320x180 --overwrite
        expect_status 0
        grep -qx keep "$work/$name" && fail "$name was not replaced with --overwrite"
    done
    echo keep >"$work/b.svg.json"
    run epilogue "$story" --screenshot "$work/b.svg" --size 320x180
    expect_status 1
    expect_in "b.svg.json: already exists" "$err"
    [ ! -e "$work/b.svg" ] || fail "the SVG was written though its sidecar could not be"
    ;;
unwritable)
    # A directory that cannot be written in (or does not exist): the message names the file, nothing is left.
    mkdir "$work/locked"
    chmod a-w "$work/locked"
    for name in a.svg a.pdf page.html; do
        flag=--screenshot
        [ "$name" = page.html ] && flag=--html
        run epilogue "$story" "$flag" "$work/locked/$name" --size 320x180
        if [ "$(id -u)" -ne 0 ]; then  # root writes anywhere
            expect_status 1
            expect_in "locked/$name" "$err"
        fi
        run epilogue "$story" "$flag" "$work/missing/$name" --size 320x180
        expect_status 1
        expect_in "missing/$name" "$err"
    done
    [ -z "$(leftovers "$work")" ] || fail "temporary files left: $(leftovers "$work")"
    ;;
full-disk)
    # A full disk, as any user can make one: a file size limit (SIGXFSZ ignored, so writes fail with EFBIG).
    # The message names the file and the reason; no partial file is left.
    for name in a.svg a.pdf page.html; do
        flag=--screenshot
        [ "$name" = page.html ] && flag=--html
        run bash -c 'trap "" XFSZ; ulimit -f 16; exec "$@"' limited \
            env LD_PRELOAD="${EPILOGUE_SANITIZER_PRELOAD:-}" "$epilogue_program" "$story" "$flag" "$work/$name" --size 1280x720
        expect_status 1
        expect_in "$name" "$err"
        expect_in "File too large" "$err"
        [ ! -e "$work/$name" ] || fail "a partial $name was left"
    done
    [ -z "$(leftovers "$work")" ] || fail "temporary files left: $(leftovers "$work")"
    ;;
*)
    fail "no such case: $case_name"
    ;;
esac

finish
