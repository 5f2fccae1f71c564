"""A byte stream sealed with AES-256-GCM in chunks, so that an archive of any size is encrypted and
checked without ever being held in memory whole.

Layout: ``MAGIC`` (8 bytes), a random 7-byte nonce prefix, then chunks, each a 4-byte big-endian
length and that many bytes of ciphertext with its tag. Chunk ``i`` is sealed with the nonce
``prefix | i (4 bytes) | last (1 byte)`` (the STREAM construction of Hoang, Reyhanitabar, Rogaway and
Vizár): reordered, dropped or repeated chunks fail to open, and so does a stream cut short, because
only the real last chunk opens with ``last = 1``. The header is the associated data of every chunk.
The primitive is the ``cryptography`` package's AESGCM; only the framing is ours.
"""

from __future__ import annotations

import io
import os
import struct
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"PMBKUP01"
CHUNK = 1 << 20  # plaintext bytes per chunk
_PREFIX = 7


class SealError(ValueError):
    """The archive does not open: another key, or a damaged or cut-short file."""


class SealedWriter(io.RawIOBase):
    """Write plaintext; ``close()`` seals the last chunk. Wraps ``out`` (not closed)."""

    def __init__(self, out: BinaryIO, key: bytes) -> None:
        self._out = out
        self._aead = AESGCM(key)
        self._prefix = os.urandom(_PREFIX)
        self._header = MAGIC + self._prefix
        self._buffer = bytearray()
        self._index = 0
        out.write(self._header)

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        self._buffer += data
        while len(self._buffer) > CHUNK:  # keep at least one byte back: the last chunk is sealed apart
            self._seal(bytes(self._buffer[:CHUNK]), last=False)
            del self._buffer[:CHUNK]
        return len(data)

    def close(self) -> None:
        if not self.closed:
            self._seal(bytes(self._buffer), last=True)
            self._buffer.clear()
            self._out.flush()
        super().close()

    def _seal(self, plain: bytes, last: bool) -> None:
        nonce = self._prefix + struct.pack(">IB", self._index, 1 if last else 0)
        sealed = self._aead.encrypt(nonce, plain, self._header)
        self._out.write(struct.pack(">I", len(sealed)) + sealed)
        self._index += 1


class SealedReader(io.RawIOBase):
    """Read the plaintext of a sealed stream; every chunk is checked before a byte of it is returned."""

    def __init__(self, source: BinaryIO, key: bytes) -> None:
        self._in = source
        self._aead = AESGCM(key)
        header = source.read(len(MAGIC) + _PREFIX)
        if len(header) != len(MAGIC) + _PREFIX or not header.startswith(MAGIC):
            raise SealError("not a Page Magic backup (or one of a newer format)")
        self._header = header
        self._prefix = header[len(MAGIC) :]
        self._index = 0
        self._plain = b""
        self._done = False

    def readable(self) -> bool:
        return True

    def readinto(self, target: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._plain and not self._done:
            self._plain = self._open_next()
        n = min(len(target), len(self._plain))
        target[:n] = self._plain[:n]
        self._plain = self._plain[n:]
        return n

    def _open_next(self) -> bytes:
        size = self._in.read(4)
        if len(size) != 4:
            raise SealError("the archive is cut short (its last chunk is missing)")
        (length,) = struct.unpack(">I", size)
        sealed = self._in.read(length)
        if len(sealed) != length:
            raise SealError("the archive is cut short")
        for last in (0, 1):
            nonce = self._prefix + struct.pack(">IB", self._index, last)
            try:
                plain = self._aead.decrypt(nonce, sealed, self._header)
            except InvalidTag:
                continue
            self._index += 1
            if last:
                if self._in.read(1):
                    raise SealError("bytes follow the archive's last chunk")
                self._done = True
            return plain
        raise SealError("the archive does not open with this key (PAGEMAGIC_BACKUP_KEY), or it is damaged")
