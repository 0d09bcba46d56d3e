"""A table of plain columns for the terminal report: one line a row, laid out once for the
whole table. Rich's Table measures and renders every cell on its own, which took seven of the
twelve seconds of a 10,000-file report; this lays out the same columns (widths from the
widest cell, cut or folded where they must be) as one Text."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from rich.cells import cell_len, chop_cells, set_cell_size
from rich.console import Group, RenderableType
from rich.text import Text

GAP = 2  # between two columns, as Rich's SIMPLE_HEAD box with one space of padding has it
MIN_CUT = 3  # a column cut below its widest cell keeps this much ("ab…")


@dataclass
class Column:
    header: str
    cells: list[str]
    justify: str = "left"  # or "right"
    min_width: int = 0
    max_width: int | None = None
    wrap: bool = False  # a long cell folds onto more lines; otherwise it is cut with "…"
    dim: bool = False

    def natural_width(self) -> int:
        width = max([cell_len(self.header), *(cell_len(cell) for cell in self.cells)])
        width = max(width, self.min_width)
        return min(width, self.max_width) if self.max_width else width

    def narrowest_whole(self) -> int:
        """As narrow as it goes with every cell whole (a header may be cut): a folding column
        as its longest word, any other as its widest cell."""
        words = ([cell_len(word) for cell in self.cells for word in cell.split()]
                 if self.wrap else [cell_len(cell) for cell in self.cells])
        width = max([self.min_width, min(cell_len(self.header), MIN_CUT), *words])
        return min(width, self.max_width) if self.max_width else width


def column_table(title: str, columns: list[Column], caption: list[str],
                 width: int) -> RenderableType:
    """The title (bold), the headers, a rule, a row a line (a folded cell adds lines), and the
    caption (dim italic). Too wide for ``width``, the columns narrow as Rich's would (headers
    cut, long cells folded), then the gaps, then cells are cut; past that, lines wrap."""
    natural = [column.natural_width() for column in columns]
    whole = [column.narrowest_whole() for column in columns]
    for gap, floor in ((GAP, whole), (1, whole), (1, [min(MIN_CUT, w) for w in natural])):
        widths = list(natural)
        narrow(widths, floor, width - gap * (len(columns) - 1))
        if sum(widths) + gap * (len(columns) - 1) <= width:
            break
    lines = [row_text([column.header for column in columns], columns, widths, gap, header=True)]
    lines.append(Text("─" * (sum(widths) + gap * (len(columns) - 1))))
    for row in zip(*(column.cells for column in columns)):
        lines.append(row_text(list(row), columns, widths, gap))
    body = Text("\n").join(lines)
    # Lines that fit need no wrapping (Rich's wrap of 10,000 lines takes a second); lines that
    # do not (too many columns for any width) wrap rather than lose a column.
    body.no_wrap = sum(widths) + gap * (len(columns) - 1) <= width
    parts: list[RenderableType] = [Text(title, style="bold"), body]
    if caption:
        parts.append(Text("\n".join(caption), style="dim italic"))
    return Group(*parts)


def narrow(widths: list[int], floor: list[int], room: int) -> None:
    """Take a cell of width at a time from the column furthest above its floor, until the
    columns fit in ``room`` or none is above its floor."""
    while sum(widths) > room:
        excess, n = max((w - f, n) for n, (w, f) in enumerate(zip(widths, floor)))
        if excess <= 0:
            return
        widths[n] -= 1


def row_text(cells: list[str], columns: list[Column], widths: list[int], gap: int, *,
             header: bool = False) -> Text:
    """One row as one or more lines: folded cells continue on lines of their own. Headers are
    cut, never folded."""
    pieces = [fold(cell, width) if column.wrap and not header else [cut(cell, width)]
              for cell, column, width in zip(cells, columns, widths)]
    runs: list[tuple[str, str]] = []  # (text, style), a run per change of style
    for line in range(max(len(piece) for piece in pieces)):
        if line:
            runs.append(("\n", ""))
        for n, (piece, column, width) in enumerate(zip(pieces, columns, widths)):
            cell = piece[line] if line < len(piece) else ""
            pad = " " * (width - cell_len(cell))
            style = "dim" if column.dim else "bold" if header else ""
            runs.append((pad + cell if column.justify == "right" else cell + pad, style))
            if n < len(columns) - 1:
                runs.append((" " * gap, ""))
    text = Text()
    for style, same in groupby(runs, key=lambda run: run[1]):
        text.append("".join(part for part, _ in same), style)
    text.rstrip()
    return text


def fold(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells, broken between words where it can be."""
    if cell_len(text) <= width:
        return [text]
    lines: list[str] = []
    line = ""
    for word in text.split():
        joined = f"{line} {word}" if line else word
        if cell_len(joined) <= width:
            line = joined
            continue
        if line:
            lines.append(line)
        *full, line = chop_cells(word, width) or [""]
        lines += full
    return lines + [line] if line else lines


def cut(text: str, width: int) -> str:
    return text if cell_len(text) <= width else set_cell_size(text, width - 1) + "…"
