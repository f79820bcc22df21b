#!/usr/bin/env python3
"""What a window shows on the X server, compared pixel for pixel with a PNG (the program's own screenshot of
the same frame):
    window_pixels.py grab WINDOW_ID SHOWN        the window's pixels now, into the file SHOWN
    window_pixels.py compare SHOWN PICTURE.png   exit 0 when every pixel is the same; 1, saying how many
                                                 differ and where, when not
The window's pixels are read with XGetImage (python3-xlib): 32 bits a pixel, blue, green, red, unused."""
import struct
import sys
import zlib

from Xlib import X, display


def read_png(path):
    """Width, height and rows of (r, g, b) bytes of an 8-bit RGB or RGBA PNG that is not interlaced."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    at, idat = 8, b""
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in (2, 6) or interlace:
                raise ValueError(f"{path}: not an 8-bit RGB(A) PNG without interlacing")
        elif kind == b"IDAT":
            idat += body
        at += 12 + length
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride if kind else 0):  # (the program's PNGs are unfiltered: kind 0)
            left = line[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rgb = bytearray(width * 3)
        for c in range(3):
            rgb[c::3] = line[c::channels]
        rows.append(bytes(rgb))
        previous = line
    return width, height, rows


def grab(window_id, path):
    window = display.Display().create_resource_object("window", window_id)
    geometry = window.get_geometry()
    image = window.get_image(0, 0, geometry.width, geometry.height, X.ZPixmap, 0xFFFFFFFF)
    with open(path, "wb") as f:
        f.write(struct.pack("<II", geometry.width, geometry.height) + image.data)


def compare(shown_path, picture):
    width, height, rows = read_png(picture)
    with open(shown_path, "rb") as f:
        data = f.read()
    shown_width, shown_height = struct.unpack("<II", data[:8])
    if (shown_width, shown_height) != (width, height):
        print(f"the window is {shown_width}x{shown_height}, the picture {width}x{height}")
        return 1
    pixels = data[8:]
    differing, left, top, right, bottom = 0, width, height, -1, -1
    for y in range(height):
        row, shown_row = rows[y], bytearray(width * 3)
        for c in range(3):
            shown_row[c::3] = pixels[(y * width) * 4 + 2 - c:(y + 1) * width * 4:4]
        if shown_row == row:
            continue
        for x in range(width):
            if shown_row[x * 3:x * 3 + 3] != row[x * 3:x * 3 + 3]:
                differing += 1
                left, top, right, bottom = min(left, x), min(top, y), max(right, x), max(bottom, y)
    if differing:
        print(f"{differing} pixels differ, within x {left}-{right}, y {top}-{bottom}")
        return 1
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "grab":
        grab(int(sys.argv[2], 0), sys.argv[3])
        sys.exit(0)
    if len(sys.argv) == 4 and sys.argv[1] == "compare":
        sys.exit(compare(sys.argv[2], sys.argv[3]))
    print(__doc__)
    sys.exit(2)
