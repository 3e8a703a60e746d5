"""The publication date a web page states in its markup, with site chrome left out.

htmldate reads the page's own date markup (meta tags, JSON-LD, `<time>` and dated
elements by the headline) without guessing from free text (`extensive_search=False`)
and prefers the original date to an update. It looks at the whole page, though, so a
"related stories" list, a trending sidebar or a footer lends it their dates; those
regions (knowledge/boilerplate.yaml `page_chrome`) are dropped first. The URL is not
passed: a date in the URL path is the metadata stage's last resort, not page markup.
"""

import datetime as dt
import re
from functools import cache

from newsevents.knowledge import boilerplate
from newsevents.temporal.dates import in_window, parse_date_line


@cache
def _chrome_words(words: frozenset[str]) -> re.Pattern[str]:
    """A chrome word as a whole part of a class or id: "related" in "td-related-posts"
    and "related_stories", not in "unrelated"."""
    alternatives = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile(rf"(?:^|[\s_-])(?:{alternatives})(?=$|[\s_-])")


def page_published_date(html: str) -> dt.date | None:
    """The page's stated publication date, or None when its markup states none."""
    import lxml.html  # heavy: imported on first use
    from htmldate import find_date

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):  # type: ignore[attr-defined]
        return None
    _drop_chrome(tree)
    found = find_date(tree, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    if not found:
        return _date_line_element(tree)
    try:
        date = dt.date.fromisoformat(found)
    except ValueError:
        return None
    return date if in_window(date) else None


# An element whose own text may be a date line ("Published 08:10 GMT, 15 November 2022 |
# Updated 14:32 GMT, 15 November 2022"): two date lines and their separator at most.
_DATE_ELEMENT_CHARS = 130


def _date_line_element(tree: "lxml.html.HtmlElement") -> dt.date | None:  # type: ignore[name-defined]  # noqa: F821
    """The date of the first element of the page (chrome dropped) whose whole text is a
    date line: a CMS's "posted-on" or "entry-date" line that carries no markup htmldate
    reads (no `<time>`, no meta tag, no date in its class). The first published date,
    else the first updated one; None when no element is one."""
    updated = None
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "head"):
            continue
        text = _short_text(element)
        if text is None or not any(c.isdigit() for c in text):
            continue
        line = parse_date_line(text)
        if line is None or not in_window(line.date):
            continue
        if line.kind == "published":
            return line.date
        updated = updated or line.date
    return updated


def _short_text(element: "lxml.html.HtmlElement") -> str | None:  # type: ignore[name-defined]  # noqa: F821
    """The element's text, or None once it passes _DATE_ELEMENT_CHARS: a page's large
    containers are not read whole."""
    parts, size = [], 0
    for text in element.itertext():
        size += len(text)
        if size > _DATE_ELEMENT_CHARS:
            return None
        parts.append(text)
    return "".join(parts)


def _drop_chrome(tree: "lxml.html.HtmlElement") -> None:  # type: ignore[name-defined]  # noqa: F821
    rules = boilerplate()
    chrome = _chrome_words(rules.chrome_class_words)
    doomed = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue  # comments, processing instructions
        if element.tag in ("html", "body", "head", "article", "main"):
            continue  # the page and the article itself are never chrome
        if element.tag in rules.chrome_tags:
            doomed.append(element)
            continue
        names = f"{element.get('class', '')} {element.get('id', '')}".lower()
        if names.strip() and chrome.search(names):
            doomed.append(element)
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()
