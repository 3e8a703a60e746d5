"""One trigger in one sentence (`Mention`), before mentions of one occurrence merge,
and the word lists the other event modules share.

Reads nothing; written by `roles._mention`, completed by the package's date step,
merged by `merging`."""

import datetime as dt
from dataclasses import dataclass, field

# Verbs whose object noun carries the event: "launched strikes", "held talks", "signed
# an agreement", "reached a deal".
LIGHT_VERBS = frozenset({"launch", "conduct", "carry", "hold", "undertake", "stage", "mount",
                         "make", "pay", "have", "begin", "start", "continue", "order",
                         "sign", "reach", "conclude", "seal", "broker", "strike", "clinch",
                         "finalize", "finalise", "declare", "announce", "impose",
                         # "chaired a security meeting", "convened talks"
                         "chair", "convene", "attend",
                         # "issued condemnations", "issued a warning"
                         "issue"})  # fmt: skip


LOCATIVE = frozenset({"in", "inside", "near", "at", "across", "within", "into", "outside"})


TARGETING = frozenset({"on", "against", "at", "upon"})


PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


@dataclass
class Mention:
    """One trigger in one sentence, before mentions of the same event are merged."""

    type: str
    mode: str | None
    status: str
    trigger: str
    start: int  # evidence sentence bounds
    end: int
    position: int  # character offset of the trigger
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    date: dt.date | None = None
    precision: str | None = None
    date_text: str | None = None
    sentences: set[int] = field(default_factory=set)  # starts of every merged mention's sentence
    # Where the date came from: explicit, relative, same-occurrence, narrative,
    # reporting, calendar or none (the `date_source` of the Event model).
    date_source: str = "none"
    positions: set[int] = field(default_factory=set)  # every merged mention's trigger offset
    # What the later anchoring steps need to know of the trigger's clause.
    refers_back: bool = False  # "the attack", "the strikes": an occurrence told before
    lemma: str = ""  # the trigger's lemma: "the killing" names what "were killed" told
    noun: str = ""  # "the strikes" (as written, lower case): the word that names it again
    pronoun_subject: bool = False  # "He called on ...": the story goes on
    recounted: bool = False  # "had struck", "has attacked": an earlier time than the story's
    # Weekdays an undated mention's own words name ("on Thursday" with no publication
    # date to count from), of every mention merged into it: merging.py keeps it apart
    # from an occurrence dated to another weekday.
    weekdays: set[int] = field(default_factory=set)
    # An undated mention in a sentence that names a weekday, in an article with no
    # publication date ("killed in a riot that broke out late Saturday"): the news of
    # the week, not an occurrence the text dates by its month or year (merging.py).
    weekday_sentence: bool = False
    # An assault that counts its victims ("six passengers were killed when ..."): it
    # stands as the article's assault when no other does (merging.py). An arrest that
    # counts the people taken stands as an event (`anchored`).
    counted: bool = False
    # "The Government condemns ...": a one-sided act of a definite institution or office
    # the story does not name (roles.ONE_SIDED); it stands as an event without a name.
    unnamed_side: bool = False
    # Talks told as the subject of what they did ("talks opened in Zanzibar on Monday"):
    # they stand by their place or day, as an act on the ground does.
    took_place: bool = False
    # Told in a timeline's entry ("24 August - ..."), dated by it: an occurrence the text
    # recalls, which undated news told before it does not join (merging.py).
    in_timeline: bool = False
    # A statement's verbal act told in the simple present ("The Ministry condemns ..."):
    # done as the text was issued. Dated by the publication day when nothing else in
    # the story dates it (events/__init__.py, last).
    performative: bool = False

    def __post_init__(self) -> None:
        self.sentences.add(self.start)
        self.positions.add(self.position)

    def take_date(self, date: dt.date, precision: str, words: str | None, source: str) -> None:
        self.date, self.precision, self.date_source = date, precision, source
        self.date_text = words or self.date_text

    @property
    def anchored(self) -> bool:
        """Enough to stand as an event. An attack may be known only by its place or
        day; a meeting, demand or condemnation is an interaction between named actors
        ("he visited the district hospital" is not one, dev 02_poonch)."""
        if self.type in ON_THE_GROUND or self.mode in ANCHORED_MODES or self.took_place:
            # A ceasefire taking effect on a day is an event even when the text names
            # its parties only elsewhere ("the truce took effect on November 27").
            # A day named but not resolvable ("on Thursday", no publication date)
            # anchors it too. So does a count of the people arrested (roles.PEOPLE_TAKEN).
            return bool(
                self.actors or self.targets or self.locations or self.date or self.weekdays
                or self.counted and self.type == "COERCE"
            )  # fmt: skip
        return bool(self.actors or self.targets or self.unnamed_side)


# Types of acts on the ground, which stand as events by their place or day whoever does
# them ("police arrested three suspects in Kabul on Sunday", "hundreds protested in the
# capital on Friday"), unlike interactions between named actors (meetings, demands,
# condemnations). Not MOBILIZE: its words also tell of people evacuated and aid sent.
ON_THE_GROUND = frozenset({"ASSAULT", "COERCE", "PROTEST"})
# Modes of other types that stand by their place or day too: a ceasefire, forces moved,
# people held set free ("the six coordinators were released on Thursday").
ANCHORED_MODES = frozenset({"ceasefire", "troops", "release"})


# An event whose last possible day is this long before publication is recalled as
# background, not reported as news ("the group attacked the capital on 12 May last year").
BACKGROUND_DAYS = 30
