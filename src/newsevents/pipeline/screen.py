"""Stage `screen`: after cleaning, turn away text that is not an English news article.

- No body text at all once boilerplate is removed: `empty-article`.
- A script, cookie or paywall notice only, or fewer than MIN_ARTICLE_WORDS words of
  body: `not-an-article` (what a scraper saves when the page never rendered).
- More than MAX_ARTICLE_CHARS characters once cleaned: `article-too-long` (the parse
  needs about 1 GB per 100,000 characters).
- Another language, told offline by py3langid (langid.py's model, packaged) with a
  probability of at least LANGUAGE_MIN_PROBABILITY, or any other language when most of
  the letters are not Latin: `unsupported-language`. The pipeline's NER, parse and
  lexicons are English; running them over other text would label it English and
  extract noise. A text kept although the identifier named another language is
  flagged `language-uncertain`.
"""

import re
import sys
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from newsevents.limits import (
    LANGUAGE,
    LANGUAGE_MIN_PROBABILITY,
    LANGUAGE_SAMPLE_CHARS,
    MAX_ARTICLE_CHARS,
    MIN_ARTICLE_WORDS,
)
from newsevents.pipeline.document import Draft
from newsevents.pipeline.readers import reject
from newsevents.schema import Reject
from newsevents.user_cache import compiled_value

_WORD = re.compile(r"\w+")


def screen(draft: Draft) -> Draft:
    """The draft, marked `rejected` when it is not an English news article."""
    outcome = _verdict(draft)
    if isinstance(outcome, Reject):
        return replace(draft, rejected=outcome)
    if outcome != LANGUAGE:  # kept as English, but say that the identifier doubted it
        return replace(draft, language=LANGUAGE, flags=(*draft.flags, "language-uncertain"))
    return replace(draft, language=LANGUAGE)


def _verdict(draft: Draft) -> Reject | str:
    """Why the draft is turned away, or the language the identifier gave it."""
    doc = draft.doc
    words = len(_WORD.findall(draft.body))
    notices = sum(1 for r in draft.removed if r.kind == "page-notice")
    if words == 0 and not notices:
        return reject(
            doc.source_file, "empty-article",
            f"no {'headline' if not draft.title else 'body text after the headline'} "
            "once boilerplate is removed",
            line=doc.source_line,
        )  # fmt: skip
    if len(draft.text) > MAX_ARTICLE_CHARS:
        return reject(
            doc.source_file, "article-too-long",
            f"{len(draft.text)} characters once boilerplate is removed, over the limit of "
            f"{MAX_ARTICLE_CHARS}",
            line=doc.source_line, value=len(draft.text),
        )  # fmt: skip
    sample = draft.body[:LANGUAGE_SAMPLE_CHARS]
    latin = latin_share(sample)
    if latin < 0.5:  # checked before the words: Chinese or Thai put no spaces between them
        language, _ = identify_language(sample)
        return _language_reject(draft, language, f"only {latin:.0%} of its letters Latin")
    if words < MIN_ARTICLE_WORDS:
        why = f"{notices} page notice line(s) (script, cookie or paywall) and " if notices else ""
        return reject(
            doc.source_file, "not-an-article",
            f"{why}{words} word(s) of body text, fewer than {MIN_ARTICLE_WORDS}",
            line=doc.source_line, value=words,
        )  # fmt: skip
    language, probability = identify_language(sample)
    if language != LANGUAGE and probability >= LANGUAGE_MIN_PROBABILITY:
        return _language_reject(draft, language, f"probability {probability:.2f}")
    return language


def _language_reject(draft: Draft, language: str, why: str) -> Reject:
    return reject(
        draft.doc.source_file, "unsupported-language",
        f"the text reads as language {language!r} ({why})",
        line=draft.doc.source_line, field="language", value=language,
    )  # fmt: skip


def latin_share(text: str) -> float:
    """The share of letters in `text` that are Latin script (1.0 when it has none).
    English news in another script is not English; this catches what the identifier
    is unsure of, such as Chinese scored below the threshold."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 1.0
    return sum(1 for c in letters if c < "\u0250" or "\u1e00" <= c <= "\u1eff") / len(letters)


def identify_language(text: str) -> tuple[str, float]:
    """The most likely language of `text` and its normalized probability."""
    code, probability = language_identifier().classify(text[:LANGUAGE_SAMPLE_CHARS])
    return str(code), float(probability)


def identifier_version() -> str:
    from importlib.metadata import version

    return f"py3langid-{version('py3langid')}"


@cache
def language_identifier() -> Any:
    """py3langid's identifier. Its model ships LZMA-compressed and takes 0.45 s to read
    in every build process; the identifier is pickled once per installation into the
    user's cache folder (user_cache.py), from which it loads in 0.07 s."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # heavy: first use only

    return compiled_value(
        "langid",
        [identifier_version(), sys.version, Path(__file__).read_bytes()],
        lambda: LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True),
    )
