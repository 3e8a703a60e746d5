"""The actor gazetteer as lookups: exact keys, fuzzy keys and a spaCy phrase matcher.

Built once per process from knowledge/actors.yaml (immutable afterwards).
"""

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from newsevents.knowledge import Actor, actors
from newsevents.textutil import name_key

# rapidfuzz ratio (0-100) on lookup keys above which an unknown spelling is the
# gazetteer name. Measured over every NER name in the seeds and ../shared/eval/dev
# that has no exact key (bench/fuzzy_threshold.py prints the table): true variants
# score 90.9-95.4 ("Baluchestan"/"Baluchistan", "US Central Command" with an article);
# the wrong pairs at or above 90 all differ in a country word ("Ministry of Foreign
# Affairs" / "UAE Ministry of Foreign Affairs": 94.1), which `lookup` refuses; the
# next wrong pair scores 80 ("Sudanese" / "Sudanese army").
FUZZY_THRESHOLD = 90
# Keys shorter than this are only matched exactly (short names differ by a letter:
# Iran / Iraq).
FUZZY_MIN_LENGTH = 8
LOOKUPS_KEPT = 1 << 16  # names whose lookup is remembered at most (Gazetteer._found)


@dataclass(frozen=True)
class Gazetteer:
    by_key: dict[str, Actor]
    by_demonym: dict[str, Actor]
    fuzzy_keys: tuple[str, ...]
    surface_of: dict[str, str]  # key -> the name or alias it came from
    country_words: frozenset[str]  # country names and demonyms, lower case

    # What `lookup` found for each name (a near spelling costs a scan of every key):
    # a corpus names the same actors over and over. Cleared when it holds LOOKUPS_KEPT.
    _found: dict[str, Actor | None] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    def lookup(self, text: str) -> Actor | None:
        """The actor a name denotes: exact key first, then a near spelling."""
        if text in self._found:
            return self._found[text]
        if len(self._found) >= LOOKUPS_KEPT:
            self._found.clear()
        actor = self._found[text] = self._lookup(text)
        return actor

    def _lookup(self, text: str) -> Actor | None:
        key = name_key(text)
        if not key:
            return None
        actor = self.by_key.get(key)
        if actor is not None or len(key) < FUZZY_MIN_LENGTH:
            return actor
        from rapidfuzz import fuzz, process

        best = process.extractOne(key, self.fuzzy_keys, scorer=fuzz.ratio)
        if not best or best[1] < FUZZY_THRESHOLD:
            return None
        # "Iraq's Foreign Ministry" is one letter from "Iran's Foreign Ministry":
        # a near spelling never crosses a country word.
        if self._countries(text) != self._countries(self.surface_of[best[0]]):
            return None
        return self.by_key[best[0]]

    def _countries(self, text: str) -> set[str]:
        words = (
            w.strip(".,;:()").lower().removesuffix("'s").removesuffix("’s") for w in text.split()
        )
        return {w for w in words if w in self.country_words}


@cache
def gazetteer() -> Gazetteer:
    by_key: dict[str, Actor] = {}
    by_demonym: dict[str, Actor] = {}
    surface_of: dict[str, str] = {}
    country_words: set[str] = set()
    for actor in actors():
        for surface in (actor.name, *actor.aliases):
            by_key.setdefault(name_key(surface), actor)
            surface_of.setdefault(name_key(surface), surface)
        for demonym in actor.demonyms:
            by_demonym[demonym.casefold()] = actor
        if actor.type == "COUNTRY":
            forms = (actor.name, *actor.aliases, *actor.demonyms)
            country_words.update(w.lower() for w in forms if " " not in w)
    keys = tuple(k for k in by_key if len(k) >= FUZZY_MIN_LENGTH)
    return Gazetteer(by_key, by_demonym, keys, surface_of, frozenset(country_words))


def is_case_sensitive(alias: str) -> bool:
    """Acronyms match case-sensitively: ALL CAPS ("TTP", "X") and one-word mixed case
    ("MoFA", "LoC", "JeM", which must not match "Let" or "loc"). A hyphenated name whose
    parts are each capitalized as words are ("al-Qaeda", "El-Fasher", "Lashkar-e-Taiba")
    is no acronym: it matches in any case, as "Al-Qaeda" opening a sentence or a
    headline in capitals."""
    if alias.isupper():
        return True
    return " " not in alias and any(
        any(c.isupper() for c in part[1:]) for part in _NAME_PARTS.split(alias)
    )


_NAME_PARTS = re.compile(r"[-'’]")


@cache
def phrase_matcher(nlp: Any) -> Any:
    """A PhraseMatcher over every gazetteer name and alias, labelled with the actor's
    position. Acronyms (see `is_case_sensitive`) match case-sensitively; the rest
    ignore case."""
    from spacy.matcher import PhraseMatcher

    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    for index, actor in enumerate(actors()):
        surfaces = sorted({actor.name, *actor.aliases})
        caps = [s for s in surfaces if is_case_sensitive(s)]
        rest = [s for s in surfaces if not is_case_sensitive(s)]
        if rest:
            lower.add(str(index), list(nlp.tokenizer.pipe(rest)))
        if caps:
            exact.add(str(index), list(nlp.tokenizer.pipe(caps)))
    return lower, exact
