"""Package names that load on first use (PEP 562), so importing one small module of a package
does not import all of it (the game's first frame waits for every import)."""

from __future__ import annotations

from importlib import import_module
from typing import Any, Callable


def lazy_exports(package: str, exports: dict[str, list[str]]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package`` that imports each name in ``exports`` (relative
    module -> names) from its module when first asked for, then keeps it in the package."""
    module_of = {name: module for module, names in exports.items() for name in names}

    def __getattr__(name: str) -> Any:
        if name not in module_of:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(module_of[name], package), name)
        setattr(import_module(package), name, value)
        return value

    return __getattr__
