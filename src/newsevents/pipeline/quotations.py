"""Where an article quotes at length: the spans of text inside quotation marks.

News copy quotes a statement over several paragraphs by opening each paragraph with a
quotation mark and closing only the last one ("The statement read in part: "In the
North ... troops repelled an attack.¶"In the North West, troops ..."). A quotation left
open at the end of a paragraph goes on only when the next paragraph opens with a
quotation mark; otherwise the paragraph's end closes it (a stray mark must not turn
the rest of an article into a quotation). The claims stage gives a figure with no
attribution of its own, inside such a span, to whoever introduced the quotation.

Reads the article text only."""

OPENING = "“"
CLOSING = "”"
STRAIGHT = '"'


def quotations(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quotation, the marks included, in text order."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    paragraphs = text.split("\n\n")
    offset = 0
    for number, paragraph in enumerate(paragraphs):
        # The mark that opens a paragraph of a quotation that goes on opens nothing new.
        skip = len(paragraph) - len(paragraph.lstrip()) if start is not None else -1
        for i, char in enumerate(paragraph):
            if i == skip:
                continue
            if char == OPENING or (char == STRAIGHT and start is None):
                if start is None:
                    start = offset + i
            elif char in (CLOSING, STRAIGHT) and start is not None:
                spans.append((start, offset + i + 1))
                start = None
        end = offset + len(paragraph)
        following = paragraphs[number + 1].lstrip() if number + 1 < len(paragraphs) else ""
        if start is not None and not following.startswith((OPENING, STRAIGHT)):
            spans.append((start, end))  # the paragraph's end closes what it left open
            start = None
        offset = end + 2
    if start is not None:
        spans.append((start, len(text)))
    return spans


def quotation_at(spans: list[tuple[int, int]], position: int) -> tuple[int, int] | None:
    """The quotation that holds `position`, if any."""
    for start, end in spans:
        if start <= position < end:
            return start, end
        if start > position:
            break
    return None
