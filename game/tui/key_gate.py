"""Every key counts: keys are applied one at a time, in the order typed, and a key typed before a
new screen could be read is not applied to it.

**In order, each after the one before has done its work.** Textual hands a key to whatever has
focus when the app reads it, and the widget applies it later, from its own queue. When keys come
in a burst (a paste, a fast typist, a slow laptop, thirty browser tabs on one machine), a key
that moves the focus (Enter in the class-code box, A for a second try) has not done so yet when
the keys after it are handed out: they land in the box left behind, or overtake one another on
their way to the next. So the app applies a key, waits until the app and every widget of the
screen have no message left to handle, and only then applies the next.

**Not on a screen the player has not seen.** A second Enter pressed while the next screen is
still being drawn would dismiss a notice unread, skip the intro, or answer a question nobody has
read. So the keys are held whenever what they act on changes (a screen pushed, popped or
switched to, or a game screen showing its next scene, question or feedback in place), and open
again once the change has been painted: a key typed before then is dropped. A key read while
they are held waits, and is judged when they open: on a busy machine the change is painted a
while before the game notices, and a key typed after the paint was seen must count. Textual stamps each
event with the time it was read from the terminal (``Message.time``), so a key that waited in
the queue behind a slow change is still known to have been typed before the change showed.

**Kept, not lost, while what takes them is built.** A new question's answer field is mounted a
moment after its text is painted. A key typed in that moment (the player read the question and
typed at once) would reach whatever had the focus before: so while a screen builds what takes
the keys, they wait, in order, and go to it once it has the focus.
"""

from __future__ import annotations

import asyncio
import math
from collections import deque

from textual import _time, events

# Always applied at once: a player must be able to quit, even in the middle of a change.
ALWAYS_ALLOWED = frozenset({"ctrl+q", "ctrl+c"})
# How many turns of the event loop a key's work may take before the next key is applied
# anyway: a widget that never stops posting (an endless animation) must not stop the keys.
MAX_SETTLE_TURNS = 5000
QUIET_TURNS = 3  # turns in a row with nothing to handle that count as done

TypedEvent = events.Key | events.Paste


class KeysInOrder:
    """Mixed into the App, ahead of textual.app.App."""

    keys_open_at: float = 0.0  # keys read before this time are dropped (math.inf: held)
    keys_dropped: int = 0  # how many were, for the tests
    holds: int = 0  # changes so far: only the last one's refresh opens the keys

    def watch_screen_changes(self) -> None:
        self.typed: deque[TypedEvent] = deque()  # waiting for the key before them
        self.released: set[int] = set()  # ids of keys handed back to the app, to apply now
        self.applying = False
        self.ready = asyncio.Event()  # clear while a screen builds what takes the keys
        self.ready.set()
        self.opened = asyncio.Event()  # set while keys_open_at is a time, not math.inf
        self.hold_keys()  # nothing typed before the first frame reaches it

    # Held as the change is asked for, not on Textual's screen_change_signal: that comes a
    # turn later, by when the new screen may be painted and read already.
    def push_screen(self, *args, **kwargs):
        self.hold_keys()
        self.keys_ready()  # a screen of its own: whatever was being built is gone
        return super().push_screen(*args, **kwargs)

    def switch_screen(self, *args, **kwargs):
        self.hold_keys()
        self.keys_ready()  # a screen of its own: whatever was being built is gone
        return super().switch_screen(*args, **kwargs)

    def pop_screen(self, *args, **kwargs):
        self.hold_keys()
        self.keys_ready()  # a screen of its own: whatever was being built is gone
        return super().pop_screen(*args, **kwargs)

    # -- not on a screen the player has not seen --------------------------------------------

    def hold_keys(self) -> None:
        """What the keys act on is changing: hold them until the change is on screen."""
        if not hasattr(self, "typed"):
            return  # not mounted yet: watch_screen_changes holds them
        self.keys_open_at = math.inf
        self.opened.clear()
        self.first_painted_at = None
        self.holds += 1
        self.call_after_refresh(self.open_keys, self.holds)

    def open_keys(self, hold: int) -> None:
        """After the refresh that painted the change: keys typed since the change first showed
        count. On a busy machine this runs a while after that paint, and a key typed in between
        (the player saw the screen, then typed) must not be dropped: so the paint's own time."""
        if hold == self.holds:  # else a later change, not painted yet, holds them still
            now = _time.get_time()
            self.keys_open_at = now if self.first_painted_at is None else min(
                self.first_painted_at, now)
            self.opened.set()

    first_painted_at: float | None = None  # the first paint since the keys were held

    def _display(self, screen, renderable) -> None:
        # Textual's private hook where each refresh is written to the terminal (re-check on a
        # Textual bump: pyproject.toml lists the private parts the game uses).
        super()._display(screen, renderable)
        if self.keys_open_at == math.inf and self.first_painted_at is None:
            self.first_painted_at = _time.get_time()

    def typed_too_soon(self, event: TypedEvent) -> bool:
        if isinstance(event, events.Key) and event.key in ALWAYS_ALLOWED:
            return False
        return event.time < self.keys_open_at

    # -- kept while what takes them is built -----------------------------------------------

    def keys_not_ready(self) -> None:
        """The screen is building what takes the keys: keep them, in order, until
        ``keys_ready``."""
        if hasattr(self, "ready"):
            self.ready.clear()

    def keys_ready(self) -> None:
        if hasattr(self, "ready"):
            self.ready.set()

    def taking_keys(self) -> bool:
        """The change is painted and what takes the keys is built: a key can be judged now."""
        return self.ready.is_set() and self.opened.is_set()

    async def until_taking_keys(self) -> None:
        while not self.taking_keys():
            await (self.opened if self.ready.is_set() else self.ready).wait()

    # -- one at a time, in order ------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        if not isinstance(event, (events.Key, events.Paste)) or event.is_forwarded:
            await super().on_event(event)
        elif id(event) in self.released:
            self.released.discard(id(event))
            await self.apply(event)
        elif (isinstance(event, events.Key) and event.key in ALWAYS_ALLOWED
              and not self.taking_keys()):
            await super().on_event(event)  # at once: waiting keys must not keep a player in
        elif self.applying or self.typed:
            self.typed.append(event)  # after the keys before it
        elif not self.taking_keys():
            self.typed.append(event)  # judged once the change is painted and ready
            self.applying = True
            self.run_worker(self.apply_waiting, group="typed-keys", exit_on_error=True)
        else:
            await self.apply(event)
            self.applying = True
            self.run_worker(self.apply_waiting, group="typed-keys", exit_on_error=True)

    async def apply(self, event: TypedEvent) -> None:
        if self.typed_too_soon(event):
            self.keys_dropped += 1
            return
        await super().on_event(event)

    async def apply_waiting(self) -> None:
        """Each waiting key, once the one before has done its work."""
        try:
            await self.settled()
            while self.typed:
                if not self.taking_keys():
                    await self.until_taking_keys()
                    await self.settled()  # e.g. the focus the new field was given, first
                event = self.typed.popleft()
                self.released.add(id(event))
                self.post_message(event)
                await self.settled()
        finally:
            self.applying = False

    async def settled(self) -> None:
        """Return once the app and the screen's widgets have no message left to handle."""
        quiet = 0
        for _ in range(MAX_SETTLE_TURNS):
            await asyncio.sleep(0)
            quiet = 0 if self.busy() else quiet + 1
            if quiet >= QUIET_TURNS:
                return

    def busy(self) -> bool:
        try:
            pumps = [self, *self.screen.walk_children(with_self=True)]
        except Exception:  # no screen yet, or the app is closing
            return False
        # Textual's own queues (textual._queue); a handler still running awaits something,
        # which shows as a message waiting somewhere within QUIET_TURNS turns of the loop.
        return any(not pump._message_queue.empty() or pump._next_callbacks for pump in pumps)
