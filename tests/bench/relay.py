#!/usr/bin/env python3
"""A TCP relay that counts the bytes it carries, both ways, headers and all.

    relay.py HOST PORT STATEFILE

Listens on a free loopback port, prints it, and forwards each connection
to HOST:PORT.  STATEFILE always holds "open to_client to_server": the
connections still open and the bytes carried so far.  A bench reads it once
"open" is back to 0.  Used by tests/bench/quiet.sh.
"""
import os
import socket
import sys
import threading

host, port, state = sys.argv[1], int(sys.argv[2]), sys.argv[3]
lock = threading.Lock()
counts = {"open": 0, "down": 0, "up": 0}


def save():
    tmp = state + ".tmp"
    with open(tmp, "w") as f:
        f.write("%d %d %d\n" % (counts["open"], counts["down"], counts["up"]))
    os.replace(tmp, state)


def carry(src, dst, key):
    while True:
        try:
            data = src.recv(65536)
        except OSError:
            data = b""
        if not data:
            break
        with lock:
            counts[key] += len(data)
        try:
            dst.sendall(data)
        except OSError:
            break
    try:
        dst.shutdown(socket.SHUT_WR)
    except OSError:
        pass


def serve(client):
    try:
        server = socket.create_connection((host, port))
    except OSError:
        client.close()
        return
    with lock:
        counts["open"] += 1
        save()
    back = threading.Thread(target=carry, args=(server, client, "down"))
    back.start()
    carry(client, server, "up")
    back.join()
    client.close()
    server.close()
    with lock:
        counts["open"] -= 1
        save()


listener = socket.socket()
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(("127.0.0.1", 0))
listener.listen(16)
with lock:
    save()
print(listener.getsockname()[1], flush=True)
while True:
    conn, _ = listener.accept()
    threading.Thread(target=serve, args=(conn,), daemon=True).start()
