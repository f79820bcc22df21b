#!/usr/bin/env python3
"""Checks a vector still against the PNG sidecar of the same frame. Prints what is wrong; exits 1 if anything is.

  check_still.py svg-text PNG_SIDECAR OUT.svg    every label, lane name, era and tick of the frame is an SVG <text>
  check_still.py pdf-text PNG_SIDECAR TEXT.txt   ... and is in the text pdftotext read from the PDF
  check_still.py nodes PNG_SIDECAR PAGE.ppm      the PDF drawn by pdftoppm has each node's bright centre within a
                                                 pixel of the centre of its rectangle in the PNG's sidecar
  check_still.py sidecars PNG_SIDECAR OTHER      OTHER's rectangles (events, labels, ruler, playhead) are the PNG's
  check_still.py ink SIDECAR PAGE.ppm            the PDF drawn by pdftoppm at 72 dpi has the strokes of letters in
                                                 every label's rectangle, and colour (emoji) in the emoji label's
  check_still.py words SIDECAR TEXT.txt WORD...  each WORD is in the text pdftotext read, as written (in logical
                                                 order), bidi controls aside
"""
import json
import sys
import xml.etree.ElementTree as ElementTree

mode, png_sidecar_path, other = sys.argv[1:4]
sidecar = json.load(open(png_sidecar_path, encoding="utf-8"))
problems = []


def words_on_screen():
    """Every piece of text the frame shows on the canvas, by the sidecar: labels, ticks; and the fixed ones."""
    titles = {e["id"]: e["title"] for e in sidecar["events"] if "id" in e}
    words = [titles[label["id"]] for label in sidecar["labels"]]
    words += [tick["label"] for tick in sidecar["ruler"]["ticks"]]
    words += [sidecar["story"]["title"], "What happened", "What if", "Winter", "Spring", "Summer", "Fall",
              "Five Years Later"]
    return words


def squeeze(text):
    return " ".join(text.split())


def read_ppm(path):
    """A binary PPM ("P6\\nW H\\n255\\n" then RGB, as pdftoppm writes it): its width, height and pixels."""
    with open(path, "rb") as f:
        header = f.read().split(b"\n", 3)
    width, height = (int(v) for v in header[1].split())
    return width, height, header[3]


if mode == "svg-text":
    root = ElementTree.parse(other).getroot()
    texts = {squeeze("".join(t.itertext())) for t in root.iter("{http://www.w3.org/2000/svg}text")}
    for word in words_on_screen():
        if squeeze(word) not in texts:
            problems.append(f"no <text> holds {word!r}")
elif mode == "pdf-text":
    text = squeeze(open(other, encoding="utf-8").read())
    for word in words_on_screen():
        if squeeze(word) not in text:
            problems.append(f"the PDF's text lacks {word!r}")
elif mode == "nodes":
    width, height, pixels = read_ppm(other)

    def luminance(x, y):
        i = (y * width + x) * 3
        return 0.2126 * pixels[i] + 0.7152 * pixels[i + 1] + 0.0722 * pixels[i + 2]

    checked = 0
    for event in sidecar["events"]:
        rect = event["rect"]
        cx, cy = rect["x"] + rect["width"] / 2, rect["y"] + rect["height"] / 2
        reach = int(rect["width"] / 2)
        # The node's white-hot centre: the brightest pixels around where the sidecar says it is (a node ahead of
        # the playhead is dimmer than one behind it).
        window = [(x, y) for y in range(int(cy) - reach, int(cy) + reach + 1)
                  for x in range(int(cx) - reach, int(cx) + reach + 1) if 0 <= x < width and 0 <= y < height]
        brightest = max((luminance(x, y) for x, y in window), default=0)
        total = sx = sy = 0.0
        if brightest > 90:
            for x, y in window:
                    weight = max(0.0, luminance(x, y) - (brightest - 40))
                    total += weight
                    sx += weight * (x + 0.5)
                    sy += weight * (y + 0.5)
        name = event.get("id", event.get("first"))
        if total == 0:
            problems.append(f"{name}: no bright node at ({cx:.1f}, {cy:.1f})")
            continue
        dx, dy = sx / total - cx, sy / total - cy
        if abs(dx) > 1 or abs(dy) > 1:
            problems.append(f"{name}: the node's centre is off by ({dx:.2f}, {dy:.2f}) pixels")
        checked += 1
    if checked < len(sidecar["events"]) or checked == 0:
        problems.append(f"only {checked} of {len(sidecar['events'])} nodes found")
elif mode == "sidecars":
    theirs = json.load(open(other, encoding="utf-8"))

    def close(a, b, path):
        if isinstance(a, dict):
            for key in ("x", "y", "width", "height"):
                if abs(a[key] - b[key]) > 1:
                    problems.append(f"{path}.{key}: {b[key]} here, {a[key]} in the PNG's sidecar")

    for key in ("canvas", "ruler", "playhead_rect"):
        close(sidecar[key], theirs[key], key)
    for mine, other_event in zip(sidecar["events"], theirs["events"]):
        close(mine["rect"], other_event["rect"], f"events[{mine.get('id')}]")
    for mine, other_label in zip(sidecar["labels"], theirs["labels"]):
        close(mine["rect"], other_label["rect"], f"labels[{mine['id']}]")
    if len(sidecar["events"]) != len(theirs["events"]) or len(sidecar["labels"]) != len(theirs["labels"]):
        problems.append("the sidecars list different events or labels")
elif mode == "ink":
    width, height, pixels = read_ppm(other)
    for label in sidecar["labels"]:
        rect = label["rect"]
        bright = coloured = 0
        for y in range(max(0, int(rect["y"])), min(height, int(rect["y"] + rect["height"]) + 1)):
            for x in range(max(0, int(rect["x"])), min(width, int(rect["x"] + rect["width"]) + 1)):
                i = (y * width + x) * 3
                r, g, b = pixels[i], pixels[i + 1], pixels[i + 2]
                # Labels are pale text on a dark sky: a letter's stroke is far brighter than the sky behind it.
                if 0.2126 * r + 0.7152 * g + 0.0722 * b > 130:
                    bright += 1
                # An emoji's own colours: strongly saturated, unlike the labels' pale tints.
                if max(r, g, b) - min(r, g, b) > 110 and max(r, g, b) > 120:
                    coloured += 1
        # Even a short label ("서울의 밤") has far more than this many bright pixels at 72 dpi.
        if bright < 40:
            problems.append(f"{label['id']}: only {bright} bright pixels in its label")
        if label["id"] == "emoji" and coloured < 20:
            problems.append(f"emoji: no colour in its label ({coloured} coloured pixels)")
elif mode == "words":
    controls = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
    text = squeeze(open(other, encoding="utf-8").read().translate(controls))
    for word in sys.argv[4:]:
        if squeeze(word) not in text:
            problems.append(f"the PDF's text lacks {word!r}")
else:
    problems.append(f"unknown mode {mode}")

for problem in problems:
    print(problem)
sys.exit(1 if problems else 0)
