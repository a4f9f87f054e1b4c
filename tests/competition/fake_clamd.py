"""A stand-in for clamd on 127.0.0.1 that speaks its socket protocol (``PING``,
``INSTREAM``) and answers as told, for tests that need no real ClamAV."""

import socketserver
import struct
import threading

EICAR = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


class _Handler(socketserver.BaseRequestHandler):
    def handle(self):
        server = self.server
        command = b""
        while not command.endswith(b"\0"):
            byte = self.request.recv(1)
            if not byte:
                return
            command += byte
        if command == b"zPING\0":
            self.request.sendall(b"PONG\0")
            return
        if command != b"zINSTREAM\0":
            self.request.sendall(b"UNKNOWN COMMAND\0")
            return
        received = bytearray()
        while True:
            (length,) = struct.unpack("!L", self._read(4))
            if length == 0:
                break
            if server.stream_max is not None and len(received) + length > (
                server.stream_max
            ):
                # As clamd does: answer, stop reading, close.
                self.request.sendall(b"INSTREAM size limit exceeded. ERROR\0")
                return
            received += self._read(length)
        server.streams.append(bytes(received))
        if server.reply is None:
            return  # hang up without an answer
        self.request.sendall(server.reply(bytes(received)).encode() + b"\0")

    def _read(self, size):
        data = b""
        while len(data) < size:
            chunk = self.request.recv(size - len(data))
            if not chunk:
                raise ConnectionError("client went away")
            data += chunk
        return data


def finds_eicar(data):
    """clamd with only the EICAR signature: EICAR found, anything else OK."""
    if data == EICAR:
        return "stream: Eicar-Test-Signature FOUND"
    return "stream: OK"


class _Fake:
    """``reply(bytes) -> str`` decides the answer (``None``: hang up);
    ``stream_max`` mimics ``StreamMaxLength``; ``streams`` holds what came."""

    daemon_threads = True

    def __init__(self, address, reply=finds_eicar, stream_max=None):
        super().__init__(address, _Handler)
        self.reply = reply
        self.stream_max = stream_max
        self.streams = []
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.shutdown()
        self.server_close()


class FakeClamd(_Fake, socketserver.ThreadingTCPServer):
    """On a free TCP port of 127.0.0.1."""

    allow_reuse_address = True

    def __init__(self, reply=finds_eicar, stream_max=None):
        super().__init__(("127.0.0.1", 0), reply, stream_max)

    @property
    def port(self):
        return self.server_address[1]


class FakeClamdUnix(_Fake, socketserver.ThreadingUnixStreamServer):
    """On a Unix socket at ``path`` (as Debian's clamd.ctl)."""

    def __init__(self, path, reply=finds_eicar, stream_max=None):
        super().__init__(str(path), reply, stream_max)
