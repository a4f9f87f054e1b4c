"""A client for ``clamd``, ClamAV's scanning daemon, over its socket protocol.

Only the two commands this site needs, as ``clamd(8)`` documents them: ``PING``
and ``INSTREAM``. A stream is sent as chunks, each a 4-byte big-endian length
and the bytes, ended by a zero-length chunk; the ``z`` prefix makes clamd end
its reply with a NUL. The reply is ``stream: OK``, ``stream: <signature>
FOUND``, or ``<reason> ERROR`` (``INSTREAM size limit exceeded`` when the stream
passes clamd's ``StreamMaxLength``; clamd then stops reading and closes).

Why not a client from PyPI: the maintained one (``clamav-client``) sends 1 KB
chunks and treats a connection that clamd closes mid-stream (which is how clamd
answers a stream over its limit) as a network failure, so an oversized file
would be retried forever instead of being flagged; the others are unmaintained
since 2014–2017. The protocol is three lines of ``struct``; this module reads
from any file object (local or S3 storage) and knows nothing of Django models.
"""

import socket
import struct
from dataclasses import dataclass

CHUNK_SIZE = 256 * 1024
REPLY_LIMIT = 4096
SIZE_LIMIT_REPLY = "INSTREAM size limit exceeded"

CLEAN = "clean"
INFECTED = "infected"
TOO_LARGE = "too_large"


class ScannerUnavailable(Exception):
    """clamd could not be reached or gave no usable answer: try again later."""


@dataclass(frozen=True)
class Verdict:
    """clamd's answer: ``CLEAN``, ``INFECTED`` (with the signature's name) or
    ``TOO_LARGE`` (past one of clamd's limits: not scanned to the end)."""

    result: str
    signature: str = ""


@dataclass(frozen=True)
class Scanner:
    """Where clamd listens: a Unix socket path, or a TCP host and port."""

    socket_path: str = ""
    host: str = ""
    port: int = 3310
    timeout: float = 60.0

    def connect(self):
        try:
            if self.socket_path:
                connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                connection.settimeout(self.timeout)
                connection.connect(self.socket_path)
            else:
                connection = socket.create_connection(
                    (self.host, self.port), timeout=self.timeout
                )
        except OSError as error:
            raise ScannerUnavailable(f"cannot connect to clamd: {error}") from error
        return connection

    def ping(self):
        """True when clamd answers ``PONG``."""
        with self.connect() as connection:
            try:
                connection.sendall(b"zPING\0")
                return _read_reply(connection) == "PONG"
            except OSError as error:
                raise ScannerUnavailable(f"clamd did not answer: {error}") from error

    def scan(self, stream, chunk_size=CHUNK_SIZE):
        """Send the file object ``stream`` (read from its current position) with
        ``INSTREAM``; returns a :class:`Verdict`. Raises
        :class:`ScannerUnavailable` when clamd cannot be reached, breaks off
        without an answer or answers something this client does not know."""
        with self.connect() as connection:
            try:
                connection.sendall(b"zINSTREAM\0")
                while chunk := stream.read(chunk_size):
                    connection.sendall(struct.pack("!L", len(chunk)) + chunk)
                connection.sendall(struct.pack("!L", 0))
            except OSError as error:
                # clamd closes the connection after answering a stream over its
                # limit; the answer may still be waiting to be read.
                try:
                    reply = _read_reply(connection)
                except OSError:
                    reply = ""
                if not reply:
                    raise ScannerUnavailable(
                        f"clamd broke off the stream: {error}"
                    ) from error
            else:
                try:
                    reply = _read_reply(connection)
                except OSError as error:
                    raise ScannerUnavailable(
                        f"clamd did not answer: {error}"
                    ) from error
        return parse_reply(reply)


def parse_reply(reply):
    """The :class:`Verdict` of an ``INSTREAM`` reply (without its NUL)."""
    if reply.startswith(SIZE_LIMIT_REPLY):
        return Verdict(TOO_LARGE, SIZE_LIMIT_REPLY)
    if reply.endswith(" ERROR"):
        raise ScannerUnavailable(f"clamd reported an error: {reply}")
    if reply == "stream: OK":
        return Verdict(CLEAN)
    if reply.startswith("stream: ") and reply.endswith(" FOUND"):
        signature = reply[len("stream: ") : -len(" FOUND")]
        # With AlertExceedsMax, a file past MaxFileSize/MaxScanSize and the like
        # is "found" under this name: not malware, but not scanned to the end.
        if signature.startswith("Heuristics.Limits.Exceeded"):
            return Verdict(TOO_LARGE, signature)
        return Verdict(INFECTED, signature)
    raise ScannerUnavailable(f"unexpected answer from clamd: {reply!r}")


def _read_reply(connection):
    data = b""
    while b"\0" not in data and len(data) < REPLY_LIMIT:
        received = connection.recv(REPLY_LIMIT)
        if not received:
            break
        data += received
    return data.split(b"\0", 1)[0].decode("utf-8", "replace").strip()
