"""The attribute ruler matched through an index gives exactly the matches of spaCy's
Matcher, on sentences written for the test, the seeds and the evaluation sets."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.pipeline import AttributeRuler

from newsevents.pipeline.nlp import MODEL, load_nlp
from newsevents.pipeline.ruler_index import RulerIndex

from .conftest import DEV, SEEDS

# Each line exercises a kind of pattern of en_core_web_sm's ruler: pronouns and their
# case from the dependency, contractions over two tokens ("ai|n't", "gon|na"), regular
# expressions ("nothin'", "y'all"), "there" + a form of "be", determiners standing as
# pronouns, modal verbs, auxiliaries, and whitespace tokens.
WRITTEN = """\
They said it ain't over, and we're gonna stay, y'all know that.
I'd told him there was nothin' left; she had gone, hadn't she?
That is what those who fled said: this could happen again, and it will.

Let's see whether the militia gets its way; somebody got hurt.
  The ministry's spokesman   did not comment.\t\tIt has been weeks.
"""


def _parsed(texts: list[str]) -> list[Any]:
    """Docs with the tags and the parse the ruler reads, and without its annotations."""
    nlp = load_nlp()
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        return list(nlp.pipe(texts))


def _ruler() -> Any:
    return load_nlp().get_pipe("attribute_ruler")


def _texts(folder: Path) -> Iterator[str]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in (".txt", ".html", ".jsonl"):
            yield path.read_text("utf-8", errors="replace")


def _scanned(ruler: Any, doc: Any) -> list[tuple[int, int, int, int]]:
    """AttributeRuler.match as spaCy writes it, whatever the instance carries."""
    return list(type(ruler).match(ruler, doc))


def test_the_pipeline_matches_through_the_index() -> None:
    ruler = _ruler()
    assert isinstance(ruler.match.__self__, RulerIndex)
    assert ruler.set_annotations.__self__ is ruler.match.__self__


def test_written_sentences_get_the_matchers_matches() -> None:
    ruler = _ruler()
    index = RulerIndex(ruler)
    (doc,) = _parsed([WRITTEN])
    expected = _scanned(ruler, doc)
    assert index.match(doc) == expected
    # the two-token rules were met: "ai|n't" takes the lemma "be" from one of them
    spanning = {int(ruler.vocab.strings[m]) for m, _, _ in index.spanning(doc)}
    assert spanning & {attr_id for attr_id, _, _, _ in expected}


def _annotations(docs: Any) -> list[list[tuple[str, ...]]]:
    return [[(t.tag_, t.dep_, t.pos_, str(t.morph), t.lemma_) for t in doc] for doc in docs]


def _without_index() -> Any:
    """The build's pipeline as spaCy would run it: the model and the sentence rule."""
    plain = spacy.load(MODEL)
    load_nlp()  # registers the sentence rule's factory
    plain.add_pipe("newline_sentences", before="parser")
    return plain


def test_the_whole_pipeline_annotates_as_without_the_index() -> None:
    texts = [WRITTEN] + [text for folder in (SEEDS, DEV) for text in _texts(folder)]
    ours = _annotations(load_nlp().pipe(texts))
    assert ours == _annotations(_without_index().pipe(texts))
    assert ("MD", "aux", "AUX", "VerbForm=Fin", "would") in ours[0]  # "I'd": ruler's lemma


@pytest.mark.parametrize("folder", [SEEDS, DEV, DEV.parent / "dev-synth"], ids=lambda p: p.name)
def test_real_articles_get_the_matchers_matches(folder: Path) -> None:
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent: the evaluation sets sit in ../shared/eval")
    ruler = _ruler()
    index = RulerIndex(ruler)
    for doc in _parsed(list(_texts(folder))):
        assert index.match(doc) == _scanned(ruler, doc)


def test_forms_no_pattern_names_share_one_entry() -> None:
    index = RulerIndex(_ruler())
    first, second = _parsed(["The drone hit the depot.", "The missile hit the camp."])
    assert [t.tag_ for t in first] == [t.tag_ for t in second]
    assert [t.dep_ for t in first] == [t.dep_ for t in second]
    index.match(first)
    entries = len(index.answers)
    index.match(second)  # other nouns, same tags and dependencies: no new entry
    assert len(index.answers) == entries
    # "the" is named by a pattern (DT + "the"): its form is part of its key
    assert index.vocab.strings["the"] in {key[3] for key in index.answers}


def test_patterns_outside_the_index_keep_the_matcher() -> None:
    """A ruler of other patterns: an operator, a fuzzy test and an attribute the index
    does not hold go to the whole-doc Matcher; one-token patterns are indexed."""
    nlp = spacy.blank("en")
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": "strike"}]], {"LEMMA": "STRIKE"})
    ruler.add([[{"LOWER": {"REGEX": "^air"}}]], {"LEMMA": "AIR"})
    ruler.add([[{"LOWER": {"FUZZY": "missile"}}]], {"LEMMA": "MISSILE"})
    ruler.add([[{"IS_DIGIT": True}]], {"LEMMA": "NUMBER"})
    ruler.add([[{"LOWER": "drone", "OP": "+"}]], {"LEMMA": "DRONES"})
    ruler.add([[{"LOWER": {"NOT_IN": ["strike"]}}]], {"NORM": "other"})
    index = RulerIndex(ruler)
    assert len(index.spanning) == 3 and len(index.one_token) == 3
    doc = nlp("Airstrike and strike: 2 drone drone missle strikes airbase")
    assert index.match(doc) == _scanned(ruler, doc)
    assert {int(nlp.vocab.strings[m]) for m, _, _ in index.spanning(doc)} == {2, 3, 4}


def test_a_target_outside_the_match_raises_the_rulers_error() -> None:
    nlp = spacy.blank("en")
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": "strike"}]], {"LEMMA": "STRIKE"}, index=1)  # one token, index 1
    index = RulerIndex(ruler)
    doc = nlp("a strike")
    matches = index.match(doc)
    with pytest.raises(ValueError, match="E1001"):
        type(ruler).set_annotations(ruler, doc, matches)
    with pytest.raises(ValueError, match="E1001"):
        index.set_annotations(doc, matches)
