"""Stage `screen`: after cleaning, turn away text that is not an English news article.

- No body text at all once boilerplate is removed: `empty-article`.
- A script, cookie or paywall notice only, or fewer than MIN_ARTICLE_WORDS words of
  body: `not-an-article` (what a scraper saves when the page never rendered).
- Another language, told offline by py3langid (langid.py's model, packaged) with a
  probability of at least LANGUAGE_MIN_PROBABILITY: `unsupported-language`. The
  pipeline's NER, parse and lexicons are English; running them over other text
  would label it English and extract noise.
Everything that passes gets the identified language code.
"""

import re
from dataclasses import replace
from functools import cache
from typing import Any

from newsevents.build.document import Draft
from newsevents.build.readers import reject
from newsevents.limits import (
    LANGUAGE,
    LANGUAGE_MIN_PROBABILITY,
    LANGUAGE_SAMPLE_CHARS,
    MIN_ARTICLE_WORDS,
)

_WORD = re.compile(r"\w+")


def screen(draft: Draft) -> Draft:
    doc = draft.doc
    words = len(_WORD.findall(draft.body))
    notices = sum(1 for r in draft.removed if r.kind == "page-notice")
    if words == 0 and not notices:
        problem = reject(
            doc.source_file, "empty-article",
            f"no {'headline' if not draft.title else 'body text after the headline'} "
            "once boilerplate is removed",
            line=doc.source_line,
        )  # fmt: skip
        return replace(draft, rejected=problem)
    if words < MIN_ARTICLE_WORDS:
        why = f"{notices} page notice line(s) (script, cookie or paywall) and " if notices else ""
        problem = reject(
            doc.source_file, "not-an-article",
            f"{why}{words} word(s) of body text, fewer than {MIN_ARTICLE_WORDS}",
            line=doc.source_line, value=words,
        )  # fmt: skip
        return replace(draft, rejected=problem)
    language, probability = identify_language(draft.body)
    if language != LANGUAGE and probability >= LANGUAGE_MIN_PROBABILITY:
        problem = reject(
            doc.source_file, "unsupported-language",
            f"the text reads as language {language!r} (probability {probability:.2f})",
            line=doc.source_line, field="language", value=language,
        )  # fmt: skip
        return replace(draft, rejected=problem)
    return replace(draft, language=LANGUAGE)


def identify_language(text: str) -> tuple[str, float]:
    """The most likely language of `text` and its normalized probability."""
    code, probability = _identifier().classify(text[:LANGUAGE_SAMPLE_CHARS])
    return str(code), float(probability)


def identifier_version() -> str:
    from importlib.metadata import version

    return f"py3langid-{version('py3langid')}"


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # heavy: first use only

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
