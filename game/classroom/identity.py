"""Student identity without accounts: a class code and a display name, a seed from them, and
file names derived from them that are safe whatever was typed."""

from __future__ import annotations

import re
import secrets
import unicodedata
from datetime import datetime, timezone
from hashlib import blake2b

MAX_NAME = 80  # characters of a display name kept; the rest is cut, never an error
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def clean_name(text: str) -> str:
    """A display name as it is kept: control characters dropped, spaces tidied, at most MAX_NAME
    characters. Markup such as ``[bold]`` stays as typed: it is shown literally, never rendered."""
    kept = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")
    return " ".join(kept.split())[:MAX_NAME]


def slug(text: str, limit: int = 40) -> str:
    """Letters and digits from ``text`` joined by single hyphens: no dots, no slashes, so no path
    tricks. May be empty (a name of only symbols); callers add a hash for uniqueness."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")[:limit].strip("-")


def short_hash(text: str) -> str:
    return blake2b(text.encode("utf-8", "surrogatepass"), digest_size=4).hexdigest()


def class_seed(class_code: str, name: str, same_order: bool) -> int:
    """The option-order seed: the same for a student every time they play, different between
    students, or one seed for the whole class with ``same_order``."""
    key = class_code if same_order else f"{class_code}\n{name}"
    return int.from_bytes(blake2b(key.encode("utf-8", "surrogatepass"), digest_size=4).digest(),
                          "big") % (2**31 - 1) + 1


def new_attempt_id(now: datetime | None = None) -> str:
    """Unique per game started: a UTC time to sort by, and 48 random bits so two students who
    start in the same second never share a file."""
    stamp = (now or datetime.now(timezone.utc)).strftime("%Y%m%dT%H%M%SZ")
    return f"{stamp}-{secrets.token_hex(6)}"


def result_file_name(class_code: str, name: str, attempt_id: str) -> tuple[str, str]:
    """(folder, file name) for a result: ``<class>/<name>-<hash>-<attempt>.json``. The hash of the
    exact name keeps "Ana" and "ana" (or two names of symbols only) apart."""
    folder = slug(class_code) or "no-class"
    stem = slug(name) or "player"
    return folder, f"{stem}-{short_hash(name)}-{slug(attempt_id, 60)}.json"
