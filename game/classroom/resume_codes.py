"""Resume codes for served games (``play --resume-codes``): a short code given once when a named
game starts, and asked for to continue it, so typing a classmate's name is not enough to open
their save. Only a salted scrypt hash of the code is kept, beside the save; never the code.
Pure Python: no Textual, no Rich."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L: nothing to misread
CODE_LENGTH = 6  # 31**6, about 887 million codes
RETRY_PAUSE = 1.0  # seconds before another try after a wrong code: slows guessing

SCHEME = "scrypt"
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}  # about 16 MiB and a few tens of milliseconds a check
_SALT_BYTES, _HASH_BYTES = 16, 32


def new_code() -> str:
    """A fresh code, CODE_LENGTH characters from ALPHABET, from the secrets module."""
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def shown_code(code: str) -> str:
    """The code as a player reads it: ``K7PX3Q`` -> ``K7P-X3Q``."""
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}"


def typed_code(text: str) -> str:
    """What a player typed, as compared: upper case, without spaces and dashes."""
    return "".join(ch for ch in text.upper()
                   if not ch.isspace() and unicodedata.category(ch) != "Pd")


def looks_like_a_code(text: str) -> bool:
    code = typed_code(text)
    return len(code) == CODE_LENGTH and all(ch in ALPHABET for ch in code)


def code_message(code: str) -> str:
    """What a player is told, once, when their new game gets its code."""
    return (f"Your resume code is {shown_code(code)}. Write it down: you need it to continue "
            "this game later, on any computer in this class.")


def replaced_message(kept: Path) -> str:
    """What a player is told when a new game moved a protected save out of the way."""
    return (f"The earlier game under this name is protected by a resume code, so it was not "
            f"deleted: it was kept as {kept.name} in the saves folder, where your teacher can "
            "find it.")


def not_kept_message(reason: str) -> str:
    """What a player is told when the protected save could not be moved out of the way."""
    return (f"The saved game is protected by a resume code and could not be kept aside "
            f"({reason}), so no new game was started.")


WRONG_CODE = ("That is not the resume code for this game. Check it (letters and digits, "
              "as K7P-X3Q) and try again in a moment.")
NOT_A_CODE = (f"A resume code has {CODE_LENGTH} letters and digits, as K7P-X3Q. Try again in a "
              "moment.")


class BadLock(ValueError):
    """A lock read from a save file that is not as this game writes them."""


def _scrypt(code: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(code.encode("ascii"), salt=salt, n=n, r=r, p=p,
                          maxmem=256 * n * r + 2**20, dklen=_HASH_BYTES)


@dataclass(frozen=True)
class ResumeLock:
    """A save's lock: a per-save random salt and the scrypt hash of the code."""

    salt: bytes
    digest: bytes
    n: int = _SCRYPT["n"]
    r: int = _SCRYPT["r"]
    p: int = _SCRYPT["p"]

    @classmethod
    def for_code(cls, code: str) -> "ResumeLock":
        salt = secrets.token_bytes(_SALT_BYTES)
        return cls(salt, _scrypt(typed_code(code), salt, **_SCRYPT), **_SCRYPT)

    def opens(self, typed: str) -> bool:
        """True when ``typed`` is the code, whatever its case, spaces and dashes."""
        if not looks_like_a_code(typed):
            return False
        digest = _scrypt(typed_code(typed), self.salt, self.n, self.r, self.p)
        return hmac.compare_digest(digest, self.digest)

    def to_dict(self) -> dict:
        return {"scheme": SCHEME, "n": self.n, "r": self.r, "p": self.p,
                "salt": self.salt.hex(), "hash": self.digest.hex()}

    @classmethod
    def from_dict(cls, data: Any) -> "ResumeLock":
        """The lock as written by to_dict; BadLock for anything else (the cost parameters are
        bounded, so a doctored file cannot make a check take all the laptop's memory)."""
        if not isinstance(data, dict) or data.get("scheme") != SCHEME:
            raise BadLock("resume code lock is not one this game knows")
        n, r, p = (data.get(k) for k in ("n", "r", "p"))
        if not all(type(v) is int for v in (n, r, p)) or not (
                2**10 <= n <= 2**16 and n & (n - 1) == 0 and 1 <= r <= 16 and 1 <= p <= 4):
            raise BadLock("resume code lock has unexpected parameters")
        try:
            salt, digest = bytes.fromhex(data["salt"]), bytes.fromhex(data["hash"])
        except (KeyError, TypeError, ValueError):
            raise BadLock("resume code lock is damaged") from None
        if len(salt) < _SALT_BYTES or len(digest) != _HASH_BYTES:
            raise BadLock("resume code lock is damaged")
        return cls(salt, digest, n, r, p)
