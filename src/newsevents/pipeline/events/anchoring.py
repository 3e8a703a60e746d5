"""Dates for events the text dates only through the story around them.

After the clause rules (the package's date step) and the merging of mentions, an
event may still be undated. Two readings of the story can date it, in this order:

- same occurrence: "the attack", "the strikes" (a definite noun) names an occurrence
  already told; when dated events of the same type and compatible parties come
  before it, it is the one it shares most with (parties, places, the same word), else
  the last told, and joins that event. The other way round, a dated definite mention
  ("The attack took place late Wednesday night") names the last occurrence of its type
  and parties the body told before it; when that one has no day, it takes this one's
  and joins it. A headline announces what the body tells: an undated headline event
  takes the day of the body's first dated event of its type and compatible parties;
- narrative: a paragraph tells one episode; an act told in a later sentence of the
  same paragraph as a dated one, with "he", "she", "they" or "we" for its subject
  ("He called on Pakistan to ..."), goes on with that episode and happened on its
  day, unless the perfect puts it earlier ("had struck") or it has not happened yet.
  A named subject is no such sign: a paragraph of background retells many days; but a
  paragraph that opens with a day and an occurrence ("On 19 June 2018, police entered
  the city.", `opening_day`) tells that day's episode: an undated act of a later
  sentence that names no other time is of that day (events/__init__.py, before merging).
  A liveblog or digest tells its day once, in a heading line that is only a day
  ("Thursday, June 13, 2024", "Key developments on June 13:"); its entries (lines
  opening with a clock time, "10:12 p.m. -", or a bullet, and the rest of a paragraph
  a clock time opens) happened on that day. An entry stamp of a day and a clock time
  ("Tue 1 Oct 2024 22.20 BST") is both the heading and the clock line of its entry.

Neither step guesses from the publication date: an event they cannot date stays
undated. Reads `Mention`s and the article text; writes `date` and `date_source`.
"""

import datetime as dt
import re
from typing import Any

from newsevents.knowledge import claim_lexicon
from newsevents.pipeline.events.mention import Mention
from newsevents.pipeline.events.merging import (
    _absorb,
    _compatible,
    _recalled,
    _shared,
    _week_and_period,
)
from newsevents.pipeline.events.roles import EntityIndex
from newsevents.temporal.dates import MONTHS, entry_stamp, entry_stamps
from newsevents.temporal.expressions import find_expressions
from newsevents.temporal.timex import resolve


def date_from_story(
    events: list[Mention],
    index: EntityIndex,
    text: str,
    title_end: int,
    published: dt.date | None = None,
) -> list[Mention]:
    """The events, dated from the story where the clause left them undated; a definite
    mention of an occurrence told before joins that event."""
    for event in sorted(events, key=lambda e: e.position):
        if event.date is None and max(event.sentences) < title_end:
            told = _headline(event, events, index, title_end)
            if told is not None:
                # The body's telling is the occurrence the headline announced: one event,
                # with the body's dated sentence for its evidence.
                _absorb(told, event)
                events = [e for e in events if e is not event]
        elif event.date is None and event.refers_back:
            told = _same_occurrence(event, events, index, text)
            if told is not None:
                _absorb(told, event)
                events = [e for e in events if e is not event]
        elif event.refers_back:
            # "Four soldiers were killed when militants attacked a post, the army said on
            # Thursday. The attack took place late Wednesday night.": the definite
            # mention dates the occurrence the lead told without a day.
            told = _undated_occurrence(event, events, index, title_end, published)
            if told is not None:
                _absorb(told, event)
                events = [e for e in events if e is not event]
    lead = _lead_dated_next(events, index, text, title_end, published)
    if lead is not None:
        events = [e for e in events if e is not lead]
    for harm in _harm_right_after_an_attack(events, index, text, title_end):
        events = [e for e in events if e is not harm]
    stamps = _entry_stamps(text)
    clock_lines = sorted({m.start() for m in CLOCK_LINE.finditer(text)} | {o for o, _ in stamps})
    # Days the page prints (headings, entry stamps); else a blog of the publication day.
    read_headings = sorted(day_headings(text, published) + stamps)
    headings = read_headings or _blog_of_the_day(clock_lines, published)
    for event in sorted(events, key=lambda e: e.position):
        if read_headings and event.date is not None:
            _counted_from_its_entry(event, text, read_headings, clock_lines)
        if event.date is None and event.status == "occurred" and not event.recounted:
            _narrative(event, events, text)
        if event.date is None and event.status == "occurred" and headings:
            _blog_entry(event, text, headings, clock_lines)
    for event in sorted(events, key=lambda e: e.position):
        if event.date is None and max(event.sentences) < title_end:
            _headline(event, events, index, title_end)  # a blog entry may date it now
    return events


# A liveblog entry or digest item: a clock time and a dash, or a bullet, opens the line.
CLOCK = r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\s*)?[—–-]"
ENTRY = re.compile(rf"(?:{CLOCK}|[-•*]\s)")
CLOCK_ENTRY = re.compile(CLOCK)  # an entry that may go on below its first line
# A line that opens with a clock time, alone ("10:52 pm", "14:05 GMT") or before the
# entry's headline ("22:05: UN urges ...", "10:12 p.m. — Talks resume"): an entry that
# goes on, its headline and paragraphs, to the next such line.
CLOCK_LINE = re.compile(
    r"^[ \t]*\d{1,2}[:.]\d{2}[ \t]*(?:[ap]\.?m\.?)?[ \t]*(?:\(?[A-Z]{2,4}\)?)?[ \t]*"
    # ... or a 24-hour clock and an entry's short headline with no dash between: "21:30
    # Health ministry raises toll to 12 dead".
    r"(?:$|[—–:-]|(?<=\d)[ \t]+(?=(?-i:[A-Z\"“])[^\n]{2,100}$))",
    re.IGNORECASE | re.MULTILINE,
)
HEADING_WORDS = re.compile(
    r"^(?:(?:key |main )?(?:developments|events|updates|highlights|live updates)"
    r"(?: on| for)?\s*)?(?P<day>.+?)\s*:?$",
    re.IGNORECASE,
)


# "On 19 June 2018, police ... entered the city.": a day that opens a paragraph, before
# its comma.
_OPENING_DAY = re.compile(r"On (?P<day>[^,.;]{3,40}),")


def opening_day(sent: Any, published: dt.date | None) -> dt.date | None:
    """The day an occurrence-telling sentence opens with ("On 19 June 2018, police and
    paramilitaries entered the city"): the episode its paragraph goes on to tell. None
    for a statement ("On Sunday, the group said ..."), whose day is the telling's, not
    that of what the paragraph tells."""
    match = _OPENING_DAY.match(sent.text)
    if match is None or sent.root.lemma_.lower() in claim_lexicon().attribution_verbs:
        return None
    day = resolve(match["day"], published=published)
    return day.date if day is not None and day.precision == "day" else None


def day_headings(text: str, published: dt.date | None) -> list[tuple[int, dt.date]]:
    """(offset, day) of every line that is only a day, in text order."""
    found = []
    offset = 0
    for line in text.split("\n"):
        words = line.strip()
        match = HEADING_WORDS.match(words) if 0 < len(words) <= 60 else None
        if match:
            day = resolve(match["day"], published=published)
            if day is not None and day.precision == "day" and _only_a_date(match["day"]):
                found.append((offset, day.date))
        offset += len(line) + 1
    return found


def _entry_stamps(text: str) -> list[tuple[int, dt.date]]:
    """(offset, day) of a liveblog's entry stamps, "Tue 1 Oct 2024 22.20 BST": each is
    the day heading and the clock line of the entry under it."""
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    return [(starts[i], day) for i in entry_stamps(lines) if (day := entry_stamp(lines[i]))]


# A timeline's entry: a paragraph, or a list item, that opens with a day and a dash,
# "24 August - Israeli aircraft strike ...", "Aug. 25: Two drones come down ...",
# "- 4 January 2019: AA fighters attack ...".
_MONTH_WORD = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DATED_ENTRY = re.compile(
    r"^[ \t]*(?:[-–—•*][ \t]+)?"
    rf"(?P<words>(?P<day>\d{{1,2}}\s+{_MONTH_WORD}|{_MONTH_WORD}\s+\d{{1,2}})"
    r"(?:,?\s+\d{4})?)[ \t]*[—–:-][ \t]+(?=\S)",
    re.MULTILINE | re.IGNORECASE,
)


def dated_entries(text: str, published: dt.date | None) -> dict[int, dt.date]:
    """The day of every paragraph a day and a dash open (a timeline's entries), by the
    paragraph's offset. NER often reads only "August" of "24 August -", or nothing."""
    found = {}
    for match in DATED_ENTRY.finditer(text):
        resolved = resolve(match.group("words"), published=published)
        if resolved is not None and resolved.precision == "day":
            found[match.start()] = resolved.date
    return found


def _blog_of_the_day(
    clock_lines: list[int], published: dt.date | None
) -> list[tuple[int, dt.date]]:
    """A live blog whose day line the page printed as its date (the clean stage took it
    out as a date line): entries under clock lines, two or more, and no day heading left,
    are of the publication day."""
    if published is None or len(clock_lines) < 2:
        return []
    return [(0, published)]


def _only_a_date(words: str) -> bool:
    mentions = find_expressions(words)
    covered = sum(m.end - m.start for m in mentions)
    return bool(mentions) and covered >= len(words.strip(" ,.:")) - 2


def _blog_entry(
    event: Mention, text: str, headings: list[tuple[int, dt.date]], clock_lines: list[int]
) -> None:
    """An event told in an entry: on a line an entry opens, or in the paragraph a clock
    time opens (an entry often gives its time and title on one line and its text on the
    lines below: "10:12 p.m. — Talks resume" over "Officials ... held talks"), or below a
    line that is only a clock time ("10:52 pm"), up to the next (its headline and
    paragraphs). An event whose mentions were merged (a headline and the entry that
    tells it) is dated by the first of them in an entry. `clock_lines`: where the
    CLOCK_LINE lines start, read once an article."""
    day = entry_day(event, text, headings, clock_lines)
    if day is not None:
        event.take_date(day, "day", None, "narrative")


def entry_day(
    event: Mention, text: str, headings: list[tuple[int, dt.date]], clock_lines: list[int]
) -> dt.date | None:
    """The day of the entry the event is first told in (`_blog_entry`), or None."""
    for position in sorted({event.position, *event.sentences}):
        line_start = text.rfind("\n", 0, position) + 1
        paragraph = text.rfind("\n\n", 0, position)
        paragraph_start = paragraph + 2 if paragraph >= 0 else 0
        clocked = [c for c in clock_lines if c < position]
        if clocked and not any(clocked[-1] < offset < position for offset, _ in headings):
            line_start = clocked[-1]  # in the entry the last clock line opened
        elif not ENTRY.match(text, line_start) and not CLOCK_ENTRY.match(text, paragraph_start):
            continue
        before = [day for offset, day in headings if offset <= line_start]
        return before[-1] if before else None
    return None


def _counted_from_its_entry(
    event: Mention, text: str, headings: list[tuple[int, dt.date]], clock_lines: list[int]
) -> None:
    """An entry's own day words count from the day its heading gives, not from the day
    the page was published: "struck targets early on Sunday" under "Sunday 28 July" is
    the 28th, though the blog opened on the Saturday; an act its entry tells with no
    words of its own is of that day."""
    day = entry_day(event, text, headings, clock_lines)
    if day is None or event.date == day:
        return
    if event.date_source == "relative" and event.date_text:
        again = resolve(event.date_text, published=day)
        if again is not None and again.precision == "day" and again.date != event.date:
            event.take_date(again.date, "day", event.date_text, "relative")
    elif event.date_source in ("narrative", "reporting"):
        event.take_date(day, "day", None, "narrative")


def _headline(
    event: Mention, events: list[Mention], index: EntityIndex, title_end: int
) -> Mention | None:
    """The body's first dated event of the headline event's type and compatible
    parties, whose day the headline event takes; None when there is none."""
    told = [
        e for e in events
        if e.date and e.precision == "day" and e.start >= title_end and _compatible(e, event, index)
    ]  # fmt: skip
    if not told:
        return None
    first = min(told, key=lambda e: e.position)
    event.take_date(first.date, "day", first.date_text, "same-occurrence")  # type: ignore[arg-type]
    return first


def _same_occurrence(
    event: Mention, events: list[Mention], index: EntityIndex, text: str
) -> Mention | None:
    earlier = [
        e for e in events
        if e is not event and e.date and e.precision == "day" and e.position < event.position
        and _may_be(e, event, index)
    ]  # fmt: skip
    # The one it shares most with, else the last told. The noun itself, told again
    # ("The strikes hit seven sites ... killed in the strikes"), says most; then the
    # word's stem ("the killing" names what "were killed" told: a weaker sign, as
    # "a drone struck" is not "the strikes"); then the parties.
    scored = [
        (
            _shared(e, event, index)
            + 2 * (_stem(e.lemma) == _stem(event.lemma))
            + 3 * _said_again(event.noun, e, text),
            e,
        )
        for e in earlier
    ]
    if not scored:
        return None
    return max(scored, key=lambda pair: (pair[0], pair[1].position))[1]


def _undated_occurrence(
    event: Mention,
    events: list[Mention],
    index: EntityIndex,
    title_end: int,
    published: dt.date | None = None,
) -> Mention | None:
    """The occurrence a dated definite mention names when the last one of its type and
    parties the body told before it has no day: that one, else None. (A headline has its
    own rule, `_headline`.) None for a mention dated long before publication
    (`merging._recalled`): "Seventeen inmates were killed in a riot ... The prison was
    the scene of the deadliest massacre on September 28, 2021" recalls another one."""
    if _recalled(event, published):
        return None
    earlier = [
        e for e in events
        if e is not event and title_end <= e.position < event.position
        and _may_be(e, event, index)
    ]  # fmt: skip
    if not earlier:
        return None
    last = max(earlier, key=lambda e: e.position)
    return last if last.date is None and last.status == "occurred" else None


def _said_again(noun: str, told: Mention, text: str) -> bool:
    """Whether the noun that names an occurrence again is a word of a sentence that told
    it."""
    if not noun:
        return False
    word = re.compile(rf"\b{re.escape(noun)}\b", re.IGNORECASE)
    for start in told.sentences:
        end = SENTENCE_END.search(text, start)
        if word.search(text, start, end.end() if end else len(text)):
            return True
    return False


# Where a told sentence ends, near enough: a stop before a capital ("U.S. strikes" goes
# on), or the line's end.
_STOP = r"[.!?][\"'”’)]?\s+(?=[A-Z\"“‘])"
SENTENCE_STOP = re.compile(_STOP)  # a stop before a capital
SENTENCE_END = re.compile(rf"{_STOP}|\n|$")  # that, or the line's end


def _lead_dated_next(
    events: list[Mention],
    index: EntityIndex,
    text: str,
    title_end: int,
    published: dt.date | None = None,
) -> Mention | None:
    """A story's lead tells what happened and its next sentence when: "One man has been
    shot dead and two gendarmes wounded in an exchange of fire, authorities say. The
    High Commission said a group of men opened fire on gendarmes early on Thursday". An
    attack the lead (the body's first sentence that tells an event) leaves undated joins
    an attack of compatible parties the very next sentence dates to a day; that one, the
    lead's, is returned, joined. Not an attack the text recalls from long ago
    (`merging._recalled`): "Seventeen inmates were killed in a riot ... The prison saw a
    massacre on September 28, 2021" goes from the news to the past."""
    body = [e for e in events if min(e.sentences) >= title_end]
    if not body:
        return None
    start = min(min(e.sentences) for e in body)
    leads = [e for e in body if min(e.sentences) == start and e.type == "ASSAULT"]
    end = SENTENCE_END.search(text, start)
    following = len(text) - len(text[end.end() :].lstrip()) if end else None
    for lead in leads:
        # The perfect is a lead's own tense ("has been shot dead"), no sign of the past.
        if lead.date is not None or lead.status != "occurred":
            continue
        dated = [
            e for e in body
            if following in e.sentences and e.type == "ASSAULT" and e.precision == "day"
            and e.status == "occurred" and _compatible(e, lead, index)
            and not _recalled(e, published)
        ]  # fmt: skip
        if len(dated) == 1:
            _absorb(dated[0], lead)
            return lead
    return None


# Verbs that tell harm, not the act that did it: "were killed on the spot".
HARM_VERBS = frozenset({"kill", "wound", "injure", "hurt", "die", "martyr"})


def _harm_right_after_an_attack(
    events: list[Mention], index: EntityIndex, text: str, title_end: int
) -> list[Mention]:
    """Harm told with no day of its own in the sentence right after one that tells a
    dated attack ("... when militants detonated a bomb and opened fire on the team on
    Tuesday. Two soldiers were killed on the spot, and four others were injured") is
    that attack's (of two, the one told last): each joins it, and is returned, joined."""
    joined = []
    for harm in events:
        if (
            harm.type != "ASSAULT" or harm.date is not None or harm.status != "occurred"
            or harm.lemma not in HARM_VERBS or min(harm.sentences) < title_end
        ):  # fmt: skip
            continue
        start = min(harm.sentences)
        before = _sentence_before(text, start)
        told = [
            e for e in events
            if e is not harm and e.type == "ASSAULT" and e.precision == "day"
            and e.status == "occurred" and any(before <= s < start for s in e.sentences)
            and _compatible(e, harm, index)
        ]  # fmt: skip
        if told:
            # Of two acts told there, the one told last: the main clause after a
            # background one ("After explosions in Kabul on October 9, Afghan forces
            # attack border posts late on October 11. ... 23 of its soldiers died").
            _absorb(max(told, key=lambda e: e.position), harm)
            joined.append(harm)
    return joined


def _sentence_before(text: str, start: int) -> int:
    """Where the sentence before the one at `start` begins (near enough: see
    SENTENCE_STOP), or `start` when a paragraph of its own begins there."""
    head = text[:start].rstrip()
    if not head or text[len(head) : start].count("\n") > 2:
        return start
    ends = [m.end() for m in SENTENCE_STOP.finditer(text, max(0, len(head) - 800), len(head))]
    paragraph = text.rfind("\n", 0, len(head)) + 1
    return max([paragraph, *ends])


def _may_be(told: Mention, event: Mention, index: EntityIndex) -> bool:
    """Whether a definite mention may name an occurrence told before: the same type and
    parties, and not one told by a weekday against one told by its month or year
    (`merging._week_and_period`). Places are not compared ("the killing of the workers,
    who hailed from South Punjab" names the killing told in Iran), nor modes ("the
    attack" names a raid told with the abductions it brought); sharing them only counts
    in the choice."""
    if told.type != event.type or _week_and_period(told, event):
        return False
    who, whom = index.regions(told.actors), index.regions(told.targets)
    if who & index.regions(event.targets) or whom & index.regions(event.actors):
        return False
    return not (told.actors and event.actors) or bool(who & index.regions(event.actors))


def _stem(lemma: str) -> str:
    """ "killing" and "kill", "strikes" and "strike": one word for the comparison."""
    return re.sub(r"(?:ing|ed|es|s|e)$", "", lemma)


def _narrative(event: Mention, events: list[Mention], text: str) -> None:
    paragraph = text.rfind("\n\n", 0, event.start)
    told = [
        (sentence, e) for e in events
        if e is not event and e.date and e.precision == "day"
        for sentence in e.sentences
        if paragraph < sentence < event.start
    ]  # fmt: skip
    if told and event.pronoun_subject:
        _, episode = max(told, key=lambda pair: (pair[0], pair[1].position))
        event.take_date(episode.date, "day", episode.date_text, "narrative")  # type: ignore[arg-type]
