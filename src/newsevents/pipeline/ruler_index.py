"""The model's attribute ruler, matched through an index instead of a scan.

en_core_web_sm's `attribute_ruler` gives each token its coarse POS, morphology and a
few lemma exceptions from its tag and, for some words, its lower-case form and
dependency: 179 patterns. spaCy's Matcher tries every pattern at every token: 2.0 s of
a 16 s parse of 200 articles, more than the tagger, the parser's own layer and the
lemmatizer together.

Nearly every pattern is one token wide and reads only that token's tag, dependency,
space flag and lower-case form, so what such patterns match at a token is a function of
those four. This module asks spaCy's own Matcher once per distinct combination, on a
one-token doc (the same semantics by construction), and looks the answer up for every
other token with that combination. Lower-case forms that no pattern names behave alike
and share one entry, so the index stays small. The patterns that span tokens, or that
read anything else, keep a Matcher of their own over the whole doc. The matches, sorted
as the ruler sorts them, are set on their tokens in that order by the ruler's own
setter (without the Span the ruler makes for each): a token gets exactly what the ruler
would give it (a test compares the two on the seeds and the evaluation sets).
"""

import re
from collections.abc import Callable
from typing import Any

# What a one-token pattern may read to be indexed: the key below holds each of them.
_INDEXED_ATTRS = frozenset({"TAG", "DEP", "IS_SPACE", "LOWER"})
# How a pattern may test the lower-case form: a value, a set, or a regular expression.
# A form that none of them names fails or passes all of them alike.
_LOWER_TESTS = frozenset({"IN", "NOT_IN", "REGEX"})
_UNNAMED = 0  # the key's stand-in for every lower-case form no pattern names
_REGEX_MEMO_LIMIT = 100_000  # forms seen by the regular expressions, forgotten past this


def index_attribute_ruler(nlp: Any) -> None:
    """Have the pipeline's attribute ruler (if any) match through the index."""
    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        # The ruler's __call__ is `self.set_annotations(doc, self.match(doc))`: the
        # instance's attributes take the two methods' places, the rest stays spaCy's.
        index = RulerIndex(ruler)
        ruler.match = index.match
        ruler.set_annotations = index.set_annotations


class RulerIndex:
    """`AttributeRuler.match` computed from an index of one-token answers, and its
    `set_annotations` without a Span for each match."""

    def __init__(self, ruler: Any) -> None:
        from spacy.matcher import Matcher
        from spacy.pipeline import attributeruler

        self.vocab = ruler.vocab
        self.attrs = ruler.attrs
        self.indices = ruler.indices
        self.ruler_set_annotations = type(ruler).set_annotations.__get__(ruler)
        self.set_token_attrs = attributeruler.set_token_attrs  # the ruler's own setter
        self.one_token = Matcher(self.vocab)
        self.spanning = Matcher(self.vocab)
        self.named_lowers: set[int] = set()
        self.lower_regexes: list[Callable[[str], Any]] = []
        for attr_id in range(len(ruler.attrs)):
            key = str(attr_id)  # the ruler's own key: its order decides precedence
            patterns = ruler.matcher.get(key)[1]
            if all(self._indexable(pattern) for pattern in patterns):
                for pattern in patterns:
                    self._note_lowers(pattern[0].get("LOWER"))
                self.one_token.add(key, patterns)
            else:
                self.spanning.add(key, patterns)
        self.answers: dict[tuple[int, int, int, int], tuple[tuple[int, int], ...]] = {}
        self.regex_named: dict[int, bool] = {}

    @staticmethod
    def _indexable(pattern: list[dict[str, Any]]) -> bool:
        if len(pattern) != 1 or not set(pattern[0]) <= _INDEXED_ATTRS:
            return False
        lower = pattern[0].get("LOWER")
        return (
            lower is None
            or isinstance(lower, str)
            or (isinstance(lower, dict) and set(lower) <= _LOWER_TESTS)
        )

    def _note_lowers(self, lower: Any) -> None:
        strings = self.vocab.strings
        if isinstance(lower, str):
            self.named_lowers.add(strings.add(lower))
        elif isinstance(lower, dict):
            for test, value in lower.items():
                if test == "REGEX":
                    self.lower_regexes.append(re.compile(value).search)
                else:
                    self.named_lowers.update(strings.add(word) for word in value)

    def _lower_key(self, lower: int) -> int:
        if lower in self.named_lowers:
            return lower
        if not self.lower_regexes:
            return _UNNAMED
        named = self.regex_named.get(lower)
        if named is None:
            if len(self.regex_named) > _REGEX_MEMO_LIMIT:
                self.regex_named.clear()  # memory stays flat over a crawl's vocabulary
            form = self.vocab.strings[lower]
            named = self.regex_named[lower] = any(test(form) for test in self.lower_regexes)
        return lower if named else _UNNAMED

    def _answer_alone(self, token: Any) -> tuple[tuple[int, int], ...]:
        """What the one-token patterns match at this token, asked of spaCy's Matcher."""
        from spacy.tokens import Doc

        if not len(self.one_token):
            return ()  # an empty Matcher warns on every call
        alone = Doc(self.vocab, words=[token.text], spaces=[False])
        alone[0].tag = token.tag
        alone[0].dep = token.dep
        strings = self.vocab.strings
        found = self.one_token(alone, allow_missing=True, as_spans=False)
        return tuple((int(strings[match_id]), match_id) for match_id, _, _ in found)

    def match(self, doc: Any) -> list[tuple[int, int, int, int]]:
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        matches: list[tuple[int, int, int, int]] = []
        rows = doc.to_array([TAG, DEP, IS_SPACE, LOWER]).tolist()
        for i, (tag, dep, space, lower) in enumerate(rows):
            key = (tag, dep, space, self._lower_key(lower))
            answer = self.answers.get(key)
            if answer is None:
                answer = self.answers[key] = self._answer_alone(doc[i])
            matches.extend((attr_id, match_id, i, i + 1) for attr_id, match_id in answer)
        strings = self.vocab.strings
        if len(self.spanning):
            for match_id, start, end in self.spanning(doc, allow_missing=True, as_spans=False):
                matches.append((int(strings[match_id]), match_id, start, end))
        matches.sort()  # as AttributeRuler.match: later rules take precedence
        return matches

    def set_annotations(self, doc: Any, matches: list[tuple[int, int, int, int]]) -> None:
        """As AttributeRuler.set_annotations, without the Span it makes for each match
        (five token objects each: 0.3 s a 200 articles): the token is found by
        arithmetic, and given the attributes by the ruler's own setter, in order."""
        for attr_id, match_id, start, end in matches:
            index = self.indices[attr_id]
            target = (start if index >= 0 else end) + index
            if not start <= target < end:  # the ruler raises its error, naming the pattern
                self.ruler_set_annotations(doc, [(attr_id, match_id, start, end)])
            self.set_token_attrs(doc[target], self.attrs[attr_id])
