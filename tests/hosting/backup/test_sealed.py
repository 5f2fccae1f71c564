"""The sealed stream of a backup: what goes in comes out; another key, a flipped bit, a cut, a
dropped or a swapped chunk never open."""

from __future__ import annotations

import io
import os
import struct

import pytest

from hosting.backup.sealed import CHUNK, MAGIC, SealedReader, SealedWriter, SealError

KEY = os.urandom(32)


def seal(data: bytes, key: bytes = KEY) -> bytes:
    out = io.BytesIO()
    writer = SealedWriter(out, key)
    for start in range(0, len(data), 300_001):  # writes of any size
        writer.write(data[start : start + 300_001])
    writer.close()
    return out.getvalue()


def unseal(blob: bytes, key: bytes = KEY) -> bytes:
    return SealedReader(io.BytesIO(blob), key).read()


def chunks(blob: bytes) -> list[bytes]:
    found, at = [], len(MAGIC) + 7
    while at < len(blob):
        (length,) = struct.unpack(">I", blob[at : at + 4])
        found.append(blob[at : at + 4 + length])
        at += 4 + length
    return found


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 17])
def test_what_goes_in_comes_out(size: int) -> None:
    data = os.urandom(size)
    blob = seal(data)
    assert unseal(blob) == data
    if size >= 32:
        assert data[:32] not in blob  # sealed, not copied


def test_nothing_else_opens() -> None:
    data = os.urandom(3 * CHUNK + 5)
    blob = seal(data)
    header, parts = blob[: len(MAGIC) + 7], chunks(blob)
    assert len(parts) == 4
    flipped = bytearray(blob)
    flipped[len(header) + 100] ^= 1
    broken = {
        "another key": (blob, os.urandom(32)),
        "a flipped bit": (bytes(flipped), KEY),
        "cut short": (header + b"".join(parts[:3]), KEY),
        "last chunk dropped but a middle one sealed as last": (header + b"".join(parts[:2]) + parts[3], KEY),
        "two chunks swapped": (header + parts[1] + parts[0] + parts[2] + parts[3], KEY),
        "bytes after the end": (blob + b"x", KEY),
        "not a backup": (b"PK\x03\x04" + blob[4:], KEY),
    }
    for name, (candidate, key) in broken.items():
        with pytest.raises(SealError):
            unseal(candidate, key)
            pytest.fail(f"{name} opened")
