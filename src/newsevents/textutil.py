"""Small text helpers shared by the stages and the evaluation."""

import re
import unicodedata
from functools import cache, lru_cache

# Names and words recur across a corpus (the same actors in every article): their keys
# are kept, this many at most, instead of being decomposed character by character again.
KEYS_KEPT = 1 << 16


@lru_cache(maxsize=KEYS_KEPT)
def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=KEYS_KEPT)
def name_key(text: str) -> str:
    """Lookup key of a name: no accents, lower case, letters and digits only.

    "Amir-Abdollahian" and "Amir Abdollahian" share a key; so do "Jaish al-Adl"
    and "Jaish-al-Adl".
    """
    return "".join(c for c in strip_accents(text).casefold() if c.isalnum())


@cache
def whole_words(phrase: str) -> re.Pattern[str]:
    """`phrase` matched as whole words (`\\b` on both sides). Compiled once per phrase:
    the knowledge files hold more phrases than `re` caches, so `re.search` with a
    built pattern recompiled them over and over."""
    return re.compile(rf"\b{re.escape(phrase)}\b")


def slugify(text: str) -> str:
    """Stable id for an entity the gazetteer does not know: 'Saeed Ahmed Umrani' ->
    'saeed-ahmed-umrani'."""
    return re.sub(r"[^a-z0-9]+", "-", strip_accents(text).lower()).strip("-") or "unnamed"
