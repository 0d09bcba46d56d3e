"""Textual's Footer, rebuilt only when the keys it shows change, and without its leak."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeysFooter(Footer):
    """The same Footer, for screens that live through a whole game.

    Textual's Footer rebuilds all its keys whenever the screen's bindings are refreshed (every
    focus change, every scene shown in place), even when the keys shown are the same. Each key
    it builds binds itself to the Footer's ``compact`` reactive, and that binding is only
    dropped when ``compact`` changes, which it never does here (textual#6666, open in 8.2.8):
    on a screen kept for the whole game, every rebuild left some twenty dead keys behind,
    about 0.3 MB a move. So this Footer rebuilds only when what it would show differs, and
    drops the bindings of keys that are gone.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.shown: tuple = ()

    def keys_to_show(self) -> tuple:
        """What compose would draw: each shown key with its label, state and tooltip."""
        bindings = self.screen.active_bindings
        return tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip, binding.group)
            for (_, binding, enabled, tooltip) in bindings.values() if binding.show
        ) + (self.app.COMMAND_PALETTE_BINDING in bindings, self.show_command_palette)

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self.rebuild_if_changed)

    async def rebuild_if_changed(self) -> None:
        if not self.is_attached:
            return
        shown = self.keys_to_show()
        if shown == self.shown:
            return
        self.shown = shown
        await self.recompose()
        self.drop_dead_bindings()

    def drop_dead_bindings(self) -> None:
        # Textual keeps watchers in an attribute named "__watchers" (not name-mangled; see
        # textual/reactive.py) and prunes closed ones itself only when the value changes.
        watchers = getattr(self, "__watchers", {}).get("compact")
        if watchers:
            watchers[:] = [(node, callback) for node, callback in watchers
                           if node.is_attached and not node._closing]
