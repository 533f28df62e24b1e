"""A minimal Socket Mode endpoint (RFC 6455 text frames over ws://127.0.0.1) for tests.

Slack's side of Socket Mode: after the WebSocket handshake it sends {"type": "hello"}, then
envelopes ({"envelope_id", "type", "payload", "accepts_response_payload"}); the app answers
each with {"envelope_id", "payload"?}. Point the Web API stub's apps.connections.open here.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import queue
import socket
import struct
import threading
from typing import Any

GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


class SocketModeStub:
    def __init__(self) -> None:
        self._sock = socket.create_server(("127.0.0.1", 0))
        self._conns: list[socket.socket] = []
        self._current: socket.socket | None = None
        self._lock = threading.Lock()
        self.connected = threading.Event()
        self.received: queue.Queue[dict[str, Any]] = queue.Queue()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self._sock.getsockname()[1]}/link"

    def __enter__(self) -> SocketModeStub:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._sock.close()
        for c in self._conns:
            with contextlib.suppress(OSError):
                c.close()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            self._conns.append(conn)
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(4096)
            if not chunk:
                return
            data += chunk
        headers = {
            k.strip().lower(): v.strip()
            for k, _, v in (line.partition(":") for line in data.decode().split("\r\n")[1:] if line)
        }
        accept = base64.b64encode(
            hashlib.sha1((headers["sec-websocket-key"] + GUID).encode()).digest()
        ).decode()
        conn.sendall(
            (
                "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                f"Sec-WebSocket-Accept: {accept}\r\n\r\n"
            ).encode()
        )
        with self._lock:
            self._current = conn
        self._send_frame(conn, 0x1, json.dumps({"type": "hello", "num_connections": 1}).encode())
        self.connected.set()
        try:
            while not self._stop.is_set():
                opcode, payload = self._read_frame(conn)
                if opcode == 0x8:  # close
                    return
                if opcode == 0x9:  # ping -> pong
                    self._send_frame(conn, 0xA, payload)
                elif opcode == 0x1:
                    self.received.put(json.loads(payload))
        except (OSError, ConnectionError, struct.error):
            return

    @staticmethod
    def _recv_exact(conn: socket.socket, n: int) -> bytes:
        buf = b""
        while len(buf) < n:
            chunk = conn.recv(n - len(buf))
            if not chunk:
                raise ConnectionError("closed")
            buf += chunk
        return buf

    def _read_frame(self, conn: socket.socket) -> tuple[int, bytes]:
        b1, b2 = self._recv_exact(conn, 2)
        opcode, masked, length = b1 & 0x0F, b2 & 0x80, b2 & 0x7F
        if length == 126:
            (length,) = struct.unpack(">H", self._recv_exact(conn, 2))
        elif length == 127:
            (length,) = struct.unpack(">Q", self._recv_exact(conn, 8))
        mask = self._recv_exact(conn, 4) if masked else b"\0\0\0\0"
        data = self._recv_exact(conn, length)
        return opcode, bytes(b ^ mask[i % 4] for i, b in enumerate(data))

    @staticmethod
    def _send_frame(conn: socket.socket, opcode: int, payload: bytes) -> None:
        n = len(payload)
        if n < 126:
            head = struct.pack(">BB", 0x80 | opcode, n)
        elif n < 65536:
            head = struct.pack(">BBH", 0x80 | opcode, 126, n)
        else:
            head = struct.pack(">BBQ", 0x80 | opcode, 127, n)
        conn.sendall(head + payload)

    def send(self, envelope: dict[str, Any]) -> None:
        with self._lock:
            conn = self._current
        assert conn is not None, "no Socket Mode connection"
        self._send_frame(conn, 0x1, json.dumps(envelope).encode())

    def reply_to(self, envelope_id: str, timeout: float = 10) -> dict[str, Any]:
        """The app's acknowledgement of one envelope."""
        while True:
            msg = self.received.get(timeout=timeout)
            if msg.get("envelope_id") == envelope_id:
                return msg
