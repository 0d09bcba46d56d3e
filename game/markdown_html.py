"""An author's Markdown as safe HTML, for the printable files (the handout, a saved debrief).
It imports nothing of the game's, so any layer that writes HTML can use it."""

from __future__ import annotations


def author_markdown_html(text: str, heading_shift: int = 3) -> str:
    """An author's Markdown as HTML, safely: raw HTML in it is shown as text (never run),
    images are left out (the file must stand alone), and unsafe links are not made links.
    Its headings go ``heading_shift`` levels down, below the file's own."""
    from markdown_it import MarkdownIt  # comes with Rich and Textual; only the HTML needs it

    md = MarkdownIt("commonmark", {"html": False}).disable("image")
    tokens = md.parse(text)
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(6, int(token.tag[1]) + heading_shift)}"
    return md.renderer.render(tokens, md.options, {})
