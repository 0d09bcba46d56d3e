"""A student's browser on the accessible pages (game/plain/web.py), without a browser: the pages
served in-process by aiohttp's test server, forms posted as a browser posts them, and each page
read as its text and its form's fields."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from game.plain.web import AccessiblePages


class Fields(HTMLParser):
    """The form's inputs (type, name, value) and the page's text, tags left out."""

    def __init__(self) -> None:
        super().__init__()
        self.inputs: list[dict] = []
        self.text: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "title"):
            self.skip += 1
        if tag in ("input", "button"):
            self.inputs.append({"tag": tag, **dict(attrs)})

    def handle_endtag(self, tag):
        if tag in ("style", "title"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.text.append(data)


@dataclass
class Page:
    status: int
    html: str

    def parsed(self) -> Fields:
        fields = Fields()
        fields.feed(self.html)
        return fields

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.parsed().text).split())

    def value(self, name: str) -> str | None:
        return next((i.get("value") for i in self.parsed().inputs if i.get("name") == name),
                    None)

    def inputs(self, kind: str) -> list[dict]:
        return [i for i in self.parsed().inputs if i.get("type") == kind]

    @property
    def kind(self) -> str:
        """What the form asks for: "text", "radio", "checkbox", "button" or "over"."""
        for kind in ("text", "radio", "checkbox"):
            if self.inputs(kind):
                return kind
        return "button" if self.value("pick") is not None else "over"


def pages_app(pages: AccessiblePages) -> web.Application:
    app = web.Application(client_max_size=pages.max_body_bytes)
    app.add_routes(pages.routes())
    return app


class Browser:
    """Posts the forms of the page it is on, as a student would fill them in."""

    def __init__(self, client: TestClient):
        self.client = client
        self.page: Page | None = None
        self.sent: list[str] = []  # the lines the game was given, in order
        self.seen: list[Page] = []  # every page, in order

    async def open(self, path: str = "/plain", method: str = "GET", **kwargs) -> Page:
        response = await self.client.request(method, path, **kwargs)
        self.page = Page(response.status, await response.text())
        self.seen.append(self.page)
        return self.page

    async def start(self) -> Page:
        return await self.open("/plain/new", "POST")

    async def answer(self, line: str | None = None, picks: list[str] | None = None,
                     command: str | None = None, **extra) -> Page:
        page = self.page
        form = [("session", page.value("session")), ("turn", page.value("turn"))]
        if command is not None:
            form.append(("command", command))
        elif picks is not None:
            form += [("pick", pick) for pick in picks]
        elif page.kind == "button":
            form.append(("pick", page.value("pick")))
        else:
            form.append(("line", line))
        for key, value in extra.items():
            form = [(k, value if k == key else v) for k, v in form]
        sent = command if command is not None else (
            " ".join(picks) if picks is not None else
            page.value("pick") if page.kind == "button" else line)
        self.sent.append(sent)
        return await self.open("/plain/turn", "POST", data=form)


async def serve_pages(pages: AccessiblePages) -> TestClient:
    client = TestClient(TestServer(pages_app(pages)))
    await client.start_server()
    return client


def unescaped(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", text))
