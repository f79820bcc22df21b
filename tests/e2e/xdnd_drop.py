#!/usr/bin/python3
"""Drops a file on a window the way a file manager does: as an XDND drag source (the X drag-and-drop
protocol, version 5). xdotool cannot drag files between programs, so the window test uses this to drop a
story on Epilogue's window through X, SDL and the window's own input path.

Usage: xdnd_drop.py WINDOW_ID PATH   (exits 0 once the window has taken the drop, 1 if it did not)
"""
import sys
import time
import urllib.parse

from Xlib import X, Xatom, display
from Xlib.protocol import event


def main():
    target_id, path = int(sys.argv[1], 0), sys.argv[2]
    d = display.Display()
    atom = lambda name: d.intern_atom(name)
    uri_list = atom("text/uri-list")
    selection = atom("XdndSelection")
    copy = atom("XdndActionCopy")
    payload = ("file://" + urllib.parse.quote(path) + "\r\n").encode()

    root = d.screen().root
    source = root.create_window(0, 0, 1, 1, 0, X.CopyFromParent)
    source.set_selection_owner(selection, X.CurrentTime)
    target = d.create_resource_object("window", target_id)
    geometry = target.get_geometry()
    at = target.translate_coords(root, geometry.width // 2, geometry.height // 2)
    x, y = at.x, at.y

    def send(name, data):
        message = event.ClientMessage(window=target, client_type=atom(name), data=(32, data))
        target.send_event(message, event_mask=0)
        d.flush()

    send("XdndEnter", [source.id, 5 << 24, uri_list, 0, 0])
    send("XdndPosition", [source.id, 0, (x << 16) | y, X.CurrentTime, copy])

    dropped = False
    finished = False
    deadline = time.time() + 10
    while time.time() < deadline and not finished:
        while d.pending_events():
            e = d.next_event()
            if e.type == X.ClientMessage and e.client_type == atom("XdndStatus") and not dropped:
                if not (e.data[1][1] & 1):
                    print("xdnd_drop: the window does not accept the drop", file=sys.stderr)
                    return 1
                send("XdndDrop", [source.id, 0, X.CurrentTime, 0, 0])
                dropped = True
            elif e.type == X.SelectionRequest:
                requestor = e.requestor
                prop = e.property if e.property != X.NONE else e.target
                if e.target == uri_list:
                    requestor.change_property(prop, uri_list, 8, payload)
                else:
                    prop = X.NONE
                reply = event.SelectionNotify(time=e.time, requestor=requestor, selection=e.selection,
                                              target=e.target, property=prop)
                requestor.send_event(reply, event_mask=0)
                d.flush()
            elif e.type == X.ClientMessage and e.client_type == atom("XdndFinished"):
                finished = True
        time.sleep(0.01)
    if not finished:
        print("xdnd_drop: the window never finished the drop", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
