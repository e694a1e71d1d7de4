"""Hostile files built cheaply: archives whose directory claims a huge size, and big CSVs."""
from __future__ import annotations

import io
import struct
import zipfile


def zip_claiming(members: dict[str, bytes], claims: dict[str, int]) -> bytes:
    """A valid ZIP whose central directory declares `claims[name]` unpacked bytes for some members.

    Readers that trust the directory (as they should, to refuse before unpacking) see a huge member
    although the archive is a few hundred bytes; nothing of that size is ever built.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    raw = bytearray(buffer.getvalue())
    pos = raw.find(b"PK\x01\x02")
    while pos != -1:
        name_len = struct.unpack_from("<H", raw, pos + 28)[0]
        name = raw[pos + 46:pos + 46 + name_len].decode()
        if name in claims:
            struct.pack_into("<I", raw, pos + 24, claims[name])  # uncompressed size in the directory
        pos = raw.find(b"PK\x01\x02", pos + 1)
    return bytes(raw)


def deflated(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    return buffer.getvalue()
