"""A software WebAuthn authenticator for unit tests: an EC P-256 key answering as a browser would.

It makes the JSON a browser posts (``PublicKeyCredential.toJSON()``): "none" attestation at
registration, a signed assertion at use, with a signature counter it keeps; each part can be
bent (another origin, a counter set back, a flipped signature) to test what must be refused.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import struct
from typing import Any

import cbor2
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from webauthn.helpers import bytes_to_base64url

FLAGS_UP_UV = 0x01 | 0x04
FLAG_AT = 0x40


class SoftAuthenticator:
    def __init__(self, origin: str, rp_id: str) -> None:
        self.origin = origin
        self.rp_id = rp_id
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.credential_id = secrets.token_bytes(32)
        self.counter = 0

    @property
    def id(self) -> str:
        return bytes_to_base64url(self.credential_id)

    def _client_data(self, kind: str, challenge: str, origin: str | None) -> bytes:
        return json.dumps({"type": kind, "challenge": challenge, "origin": origin or self.origin, "crossOrigin": False}).encode()

    def _cose_key(self) -> bytes:
        numbers = self.key.public_key().public_numbers()
        return cbor2.dumps({1: 2, 3: -7, -1: 1, -2: numbers.x.to_bytes(32, "big"), -3: numbers.y.to_bytes(32, "big")})

    def create(self, options: dict[str, Any], origin: str | None = None) -> dict[str, Any]:
        client = self._client_data("webauthn.create", options["challenge"], origin)
        attested = b"\x00" * 16 + struct.pack(">H", len(self.credential_id)) + self.credential_id + self._cose_key()
        auth_data = hashlib.sha256(self.rp_id.encode()).digest() + bytes([FLAGS_UP_UV | FLAG_AT]) + struct.pack(">I", self.counter) + attested
        attestation = cbor2.dumps({"fmt": "none", "attStmt": {}, "authData": auth_data})
        return {
            "id": self.id, "rawId": self.id, "type": "public-key",
            "response": {"clientDataJSON": bytes_to_base64url(client), "attestationObject": bytes_to_base64url(attestation)},
        }

    def get(self, options: dict[str, Any], origin: str | None = None, counter: int | None = None,
            forge: bool = False) -> dict[str, Any]:
        self.counter = self.counter + 1 if counter is None else counter
        client = self._client_data("webauthn.get", options["challenge"], origin)
        auth_data = hashlib.sha256(self.rp_id.encode()).digest() + bytes([FLAGS_UP_UV]) + struct.pack(">I", self.counter)
        signer = ec.generate_private_key(ec.SECP256R1()) if forge else self.key  # forged: another key signs
        signature = signer.sign(auth_data + hashlib.sha256(client).digest(), ec.ECDSA(hashes.SHA256()))
        return {
            "id": self.id, "rawId": self.id, "type": "public-key",
            "response": {
                "clientDataJSON": bytes_to_base64url(client), "authenticatorData": bytes_to_base64url(auth_data),
                "signature": bytes_to_base64url(signature), "userHandle": None,
            },
        }
