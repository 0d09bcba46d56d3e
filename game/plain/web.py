"""The accessible web version of plain mode, served by `briefing serve` at /plain: the same game
(PlainGame, with its session's rules for who plays, saves, resume codes and result files) one
page per turn, for screen readers, keyboards, large text and phones. No script is needed: each
answer is a form posted to the server, which answers with the next page.

What a browser can send, and what becomes of it (issue 13's rules, as for the full-screen game):

- a form of at most MAX_FORM_BYTES (larger: a page saying so, the game untouched);
- a game id (secret, random, made here) that must name a running game (else a page saying the
  game is not running, with the way back), and the turn it answers, which must be the current
  one: a form sent twice (a reload, a replay, a second tab) changes nothing and shows where the
  game is now;
- only from this server's own pages (a form posted from another site's page is refused);
- one line of text, or picks that must be among the prompt's own, or one of the commands;
- at most as many games as --max-sessions, counted with the full-screen games; a game left
  alone for IDLE_SECONDS is saved and ended, as at the end of a script.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
from dataclasses import dataclass, field, replace
from typing import Callable

from aiohttp import web

from ..classroom.identity import clean_name
from ..content.models import Pack
from ..session import Settings
from .console import MAX_LINE, TOO_LONG, Unusable
from .game import PlainGame
from .report import article_lines
from .turns import Turn, TurnGame
from .web_page import NEW_PATH, PATH, TURN_PATH, notice_page, start_page, turn_page

log = logging.getLogger("briefing.serve")

MAX_FORM_BYTES = 64 * 1024  # a long answer is 10,000 characters (MAX_LINE), a few times over
IDLE_SECONDS = 30 * 60.0  # a game nobody answered for this long is saved and ended
SWEEP_SECONDS = 30.0
TURN_SECONDS = 30.0  # a game that takes longer to answer one line is stuck (a bug)
ENDED_KEEP_SECONDS = 120.0  # a finished game's last page can be sent again for this long
CLASS_PROMPT = "Class code (Enter alone to play on your own)? "


class WebPlainGame(PlainGame):
    """Plain mode for the web page: it asks the class code when the teacher gave none (the
    full-screen game's title screen does), and writes no files on the server for the player
    (their browser saves or prints the debrief page)."""

    DEBRIEF_KEPT = ("The debrief and the article end the last page: save or print it from "
                    "your browser.")

    def identify(self) -> None:
        session = self.session
        if not session.class_code and not session.name:
            code = self.io.ask(CLASS_PROMPT, clean_name,
                               self.commands(in_game=False))
            if code:
                session.play_as(code, "")
        super().identify()

    def offer_debrief_file(self, story) -> bool:
        return True  # the page is the debrief: nothing is written on the teacher's computer

    def offer_article(self, article: str) -> None:
        """The article on the last page, under the debrief, not offered: a page is read at
        one's own pace, and the debrief and the article are saved or printed together."""
        if article.strip():
            self.io.say(*article_lines(article))


@dataclass
class Player:
    """One browser's game: the game's thread, the turn it shows, and who waits for the next."""

    game: TurnGame
    turn: Turn | None = None
    waiting: asyncio.Future | None = None
    last_seen: float = field(default_factory=time.monotonic)
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


class AccessiblePages:
    """The /plain pages and their games. ``others_running`` counts the server's other games
    (the full-screen ones), so --max-sessions holds for both together."""

    def __init__(self, packs: list[Pack], settings: Settings, max_games: int,
                 others_running: Callable[[], int] = lambda: 0):
        self.packs, self.settings = packs, settings
        self.max_games, self.others_running = max_games, others_running
        self.players: dict[str, Player] = {}
        self.max_body_bytes = MAX_FORM_BYTES
        self.sweeper: asyncio.Task | None = None

    @property
    def running(self) -> int:
        return len(self.players)

    def routes(self) -> list[web.RouteDef]:
        return [web.get(PATH, self.handle_start_page), web.post(NEW_PATH, self.handle_new),
                web.post(TURN_PATH, self.handle_turn), web.get(TURN_PATH, self.handle_lost),
                web.get(NEW_PATH, self.handle_lost)]

    # -- the pages ----------------------------------------------------------------------------

    async def handle_start_page(self, request: web.Request) -> web.Response:
        return page(start_page())

    async def handle_lost(self, request: web.Request) -> web.Response:
        """A game's address opened directly (a bookmark, a reload after a redirect)."""
        return page(start_page("A game goes on from its own page only. Start again: with the "
                               "same name your saved game continues."))

    async def handle_new(self, request: web.Request) -> web.Response:
        refused = await self.refusal(request)
        if refused is not None:
            return refused
        if self.running + self.others_running() >= self.max_games:
            log.warning("Refused an accessible game: %d are running already (--max-sessions)",
                        self.running + self.others_running())
            return page(notice_page("Too many games", "Too many games are running on this "
                                    "computer; try again in a minute."), status=503)
        self.ensure_sweeping()
        player_id = secrets.token_urlsafe(24)
        loop = asyncio.get_running_loop()
        player = Player(TurnGame(WebPlainGame, self.packs, self.settings,
                                 lambda turn: loop.call_soon_threadsafe(self.arrived, player_id,
                                                                        turn)))
        self.players[player_id] = player
        log.info("A browser started an accessible game (%d running)", self.running)
        async with player.lock:
            turn = await self.next_turn(player, player.game.start)
        return self.turn_response(player_id, turn)

    async def handle_turn(self, request: web.Request) -> web.Response:
        refused = await self.refusal(request)
        if refused is not None:
            return refused
        try:
            form = await request.post()
        except web.HTTPRequestEntityTooLarge:
            return page(notice_page("Too much sent", "That was more than an answer can be; "
                                    "go back and send a shorter one.", again=False), status=413)
        player_id = str(form.get("session", ""))[:100]
        player = self.players.get(player_id)
        if player is None or player.turn is None:
            return page(notice_page("This game is not running", "This game is no longer "
                                    "running here: it was finished, left alone for a long "
                                    "time, or the server was restarted."), status=404)
        async with player.lock:
            player.last_seen = time.monotonic()
            turn = player.turn
            if turn.over:
                return self.turn_response(player_id, turn)
            if str(form.get("turn", "")) != str(turn.number):
                return self.turn_response(player_id, turn, "That page was answered already; "
                                          "here is where your game is now.", status=409)
            try:
                line = line_from(form, turn)
            except Unusable as problem:  # shown at the field, as the game's own refusals
                return self.turn_response(player_id, replace(turn, problem=str(problem)),
                                          status=422)
            turn = await self.next_turn(player, lambda: player.game.send(line))
        return self.turn_response(player_id, turn)

    async def refusal(self, request: web.Request) -> web.Response | None:
        """A form posted from another site's page: the browser says where it came from, in
        Sec-Fetch-Site (current browsers) or Origin (older ones; "null" from a sandboxed
        frame). A request with neither (a script of one's own, curl) is taken."""
        origin = request.headers.get("Origin")
        site = request.headers.get("Sec-Fetch-Site")
        if site is not None:
            foreign = site not in ("same-origin", "none")
        else:
            foreign = origin is not None and origin.split("://", 1)[-1] != request.host
        if foreign:
            log.warning("Refused an accessible-game form from another site (%r)",
                        (site or origin or "")[:100])
            return page(notice_page("Refused", "Answer from the game's own page."),
                        status=403)
        return None

    def turn_response(self, player_id: str, turn: Turn, note: str = "",
                      status: int = 200) -> web.Response:
        return page(turn_page(turn, player_id, note), status=status)

    # -- the games ----------------------------------------------------------------------------

    async def next_turn(self, player: Player, send: Callable[[], None]) -> Turn:
        """Send (or start), then wait for the game's next turn."""
        loop = asyncio.get_running_loop()
        player.waiting = loop.create_future()
        send()
        try:
            return await asyncio.wait_for(asyncio.shield(player.waiting), TURN_SECONDS)
        except asyncio.TimeoutError:
            log.warning("An accessible game did not answer in %g s", TURN_SECONDS)
            raise web.HTTPServiceUnavailable(text="The game did not answer; try again.") \
                from None

    def arrived(self, player_id: str, turn: Turn) -> None:
        """In the server's loop: the game has a new turn (or has ended)."""
        player = self.players.get(player_id)
        if player is None:
            return
        player.turn = turn
        if player.waiting is not None and not player.waiting.done():
            player.waiting.set_result(turn)
        if turn.over:
            log.info("An accessible game ended (%d running)", self.running - 1)

    def ensure_sweeping(self) -> None:
        if self.sweeper is None or self.sweeper.done():
            self.sweeper = asyncio.get_running_loop().create_task(self.sweep())

    async def sweep(self) -> None:
        """End games left alone (saved, as at the end of a script); forget ended ones."""
        while self.players:
            await asyncio.sleep(SWEEP_SECONDS)
            self.forget_idle(time.monotonic())

    def forget_idle(self, now: float) -> None:
        for player_id, player in list(self.players.items()):
            idle = now - player.last_seen
            if player.turn is not None and player.turn.over and not player.game.running:
                if idle > ENDED_KEEP_SECONDS:
                    del self.players[player_id]
            elif idle > IDLE_SECONDS and not player.lock.locked():
                player.game.end()
                player.last_seen = now  # forgotten once its last turn has come

    async def close(self) -> None:
        """The server stops: every game saves and ends (each at the prompt it waits at)."""
        if self.sweeper is not None:
            self.sweeper.cancel()
        for player in self.players.values():
            player.game.end()
        for player in self.players.values():
            await asyncio.to_thread(player.game.thread.join, 10.0)
        self.players.clear()


def line_from(form, turn: Turn) -> str:
    """The line the form gives the game: a command button, the picks, or the typed text."""
    command = str(form.get("command", ""))
    if command:
        if command not in turn.commands:
            raise Unusable("That button is not for this question.")
        return command
    choices = turn.choices
    if choices is not None:
        picked = [str(value) for value in form.getall("pick", [])]
        if not picked:
            raise Unusable("Pick one of the answers, then Answer."
                           if not choices.several else "Pick at least one, then Answer.")
        if any(value not in choices.lines for value in picked) or \
                (len(picked) > 1 and not choices.several):
            raise Unusable("Pick from the answers shown.")
        return " ".join(picked)
    line = str(form.get("line", ""))
    if len(line) > MAX_LINE:
        raise Unusable(TOO_LONG)
    return " ".join(line.splitlines())  # one line, as a terminal sends it


def page(html: str, status: int = 200) -> web.Response:
    return web.Response(text=html, status=status, content_type="text/html", charset="utf-8",
                        headers={"Cache-Control": "no-store",
                                 "Content-Security-Policy": "default-src 'none'; "
                                 "style-src 'unsafe-inline'; img-src data:; "
                                 "form-action 'self'; frame-ancestors 'none'",
                                 "X-Content-Type-Options": "nosniff"})


def served_settings(options) -> Settings:
    """The settings of every served game (serve.session_argv's `play` command line, which
    `play` turns into settings): the served saves folder, the results folder, resume codes,
    and the teacher's class code, mode and order."""
    return Settings(data_dir=options.saves, results_dir=options.results, mode=options.mode
                    or Settings.mode, class_code=options.class_code or "",
                    same_order=options.same_order, resume_codes=True)


def accessible_pages(options, packs: list[Pack]) -> AccessiblePages:
    """The /plain pages for `briefing serve` with ``options`` (a ServeOptions), on ``packs``
    (compiled once; a game never changes its pack)."""
    return AccessiblePages(packs, served_settings(options), options.max_sessions)
