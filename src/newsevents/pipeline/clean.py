"""Stage `clean`: take site boilerplate out of the text, keep every body paragraph.

A line is removed only when the whole line is furniture: a rule in
knowledge/boilerplate.yaml, a date line, a repeat of the headline, or a stray
one-character line (seed 000 has a lone "x"). Removed lines are kept on the draft
with their kind, so the metadata stage can read bylines and date lines and the
manifest can count what went.
"""

import re
from dataclasses import replace
from functools import lru_cache

from newsevents.knowledge import boilerplate
from newsevents.pipeline.document import Draft, RemovedLine
from newsevents.temporal.dates import ENTRY_CLOCK, entry_stamps, parse_date_line


def clean_text(draft: Draft) -> Draft:
    lines = draft.doc.text.split("\n")
    removed: list[RemovedLine] = []
    title = ""
    body: list[str] = []
    links = False  # under a "Read more:" or "See also:" label, in its block of links
    # A liveblog's entry stamps ("Tue 1 Oct 2024 22.20 BST" over each entry) are date
    # lines, but they tell each entry's day: they stay in the body.
    stamps = set(entry_stamps(lines)) | _day_headings_over_entries(lines)
    for number, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            links = False
            if body and body[-1]:
                body.append("")
            continue
        kind = None if number in stamps and title else line_kind(line, title)
        opens = _opens_links(line)
        if kind is None and (opens or links and _link_title(line)):
            kind = "navigation"  # the list's label, or a linked story's headline under it
        links = opens or (links and kind == "navigation")
        segments = furniture_segments(line) if kind is None else None
        if kind == "repeated-headline" and len(line) < len(title):
            title = line  # the page title had the site's suffix: "... - Pakistan - DAWN.COM"
        if kind is not None:
            removed.append(RemovedLine(kind, line))
        elif segments:
            removed.extend(segments)
        elif not title:
            title = line
        else:
            body.append(line)
    while body and not body[-1]:
        body.pop()
    return replace(draft, title=title, body="\n".join(body), removed=tuple(removed))


# A live blog entry's clock line: "19.30 BST", "10:12 p.m. —", "14:05 GMT - Truce holds".
_ENTRY_CLOCK = re.compile(rf"{ENTRY_CLOCK}(?:\s|$)")


def _day_headings_over_entries(lines: list[str]) -> set[int]:
    """The lines that are only a day right above an entry's clock line ("Sunday 28 July
    2024" over "19.30 BST"): a live blog's day headings, which date its entries, not a
    page's date line."""
    found = set()
    following = ""  # the next non-empty line, read from the end in one pass
    for number in range(len(lines) - 1, -1, -1):
        line = lines[number].strip()
        if line and _ENTRY_CLOCK.match(following) and parse_date_line(line) is not None:
            found.add(number)
        following = line or following
    return found


# A name of at most four capitalized words ("Dawn Report", "JoyNews", "Al Ordavi
# Staff"), joined by at most "of", "the", "and" or "&": no sentence, no figure.
_BARE_CREDIT = re.compile(r"[A-Z][\w.'’-]*(?:\s+(?:(?:of|the|and|&)\s+)?[A-Z][\w.'’-]*){0,3}")


def _bare_credit(part: str) -> bool:
    return len(part) <= 40 and _BARE_CREDIT.fullmatch(part) is not None


def _opens_links(line: str) -> bool:
    """Whether the line is only the label of a list of links to other stories: "Read
    more:", "See also", "Related stories" (boilerplate.yaml link_labels)."""
    return " ".join(line.lower().split()).rstrip(" :»>|") in boilerplate().link_labels


def _link_title(line: str) -> bool:
    """Whether a line under such a label reads as a linked headline: short, with no
    sentence's closing stop ("Moldova Summons Russian Ambassador Over General's
    Remarks", "Explainer: What Is Transnistria?"). A paragraph that goes on below the
    list ends with its stop and is kept."""
    return len(line) <= 160 and not line.endswith((".", '."', ".”", ".'"))


# What sites put between the parts of one furniture line: "By Staff Reporter | Mar 12,
# 2025", "Reuters · 3 min read". A sentence never has these with spaces around them.
_SEGMENT_BREAK = re.compile(r"\s+[|·•]\s+")


# What parts a page title from the site's name and section: "Headline - World - Site",
# "Headline | Site".
_TITLE_SUFFIX = re.compile(r"\s+[-–—|]\s+\S")


def _same_headline(line: str, title: str) -> bool:
    """Whether the line is the headline: the title itself, or the title without the
    site's suffix the page title carries ("Gunmen kill six ... - Pakistan - DAWN.COM")."""
    line, title = line.casefold(), title.casefold()
    if line == title:
        return True
    return (
        len(line.split()) >= 4
        and title.startswith(line)
        and _TITLE_SUFFIX.match(title, len(line)) is not None
    )


def furniture_segments(line: str) -> list[RemovedLine] | None:
    """A line made of furniture parts, each with its kind (a byline and a date line read
    apart, as the metadata stage reads them), or None when any part is content."""
    parts = [
        piece
        for part in _SEGMENT_BREAK.split(" ".join(line.split()))
        for piece in _date_label_break().split(part)
    ]
    if len(parts) < 2:
        return None
    kinds = [line_kind(part, "") for part in parts]
    if "date-line" in kinds:
        # Beside a date, a bare name is the credit: "JoyNews | Published: July 14, 2025",
        # "Dawn Report | Published November 23, 2024"; sites often print it without "By".
        kinds = [
            kind or ("byline" if _bare_credit(part) else None)
            for kind, part in zip(kinds, parts, strict=True)
        ]
    if any(kind is None or kind == "stray-character" for kind in kinds):
        return None
    return [RemovedLine(kind, part) for kind, part in zip(kinds, parts, strict=True) if kind]


@lru_cache(maxsize=1)
def _date_label_break() -> re.Pattern[str]:
    """Where a second dated part begins with no separator: "Thu Nov 16, 2023 08:52 PM
    Last update on: Thu Nov 16, 2023 09:14 PM" (the labels of boilerplate.yaml)."""
    labels = sorted(
        (label for labels in boilerplate().date_labels.values() for label in labels),
        key=len,
        reverse=True,
    )
    return re.compile(rf"\s+(?=(?:{'|'.join(map(re.escape, labels))})\b)", re.IGNORECASE)


def line_kind(line: str, title: str) -> str | None:
    """The boilerplate kind of a stripped, non-empty line, or None for content."""
    normalized = " ".join(line.split())
    if title and _same_headline(normalized, " ".join(title.split())):
        return "repeated-headline"
    if len(normalized) == 1:
        return "stray-character"
    if parse_date_line(normalized) is not None:
        return "date-line"
    for rule in boilerplate().rules:
        if rule.matches(normalized):
            return rule.kind
    return None
