"""Sentence boundaries set before the parser (pipeline/nlp.py `_newline_sentences`):
an opening dateline ends where its dash or colon does, and a hyphen inside a word is no
dateline's dash. Sentences written for the test."""

import pytest

from newsevents.pipeline.nlp import load_nlp


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("MOGADISHU - Gunmen stormed a hotel.", ["MOGADISHU -", "Gunmen stormed a hotel."]),
        ("BAMAKO—The junta said.", ["BAMAKO—", "The junta said."]),
        # The day, month and year of a wire dateline.
        (
            "LUSAKA, May 3 (Reuters) - Zambia's army said.",
            ["LUSAKA, May 3 (Reuters) -", "Zambia's army said."],
        ),
        ("QUITO, Feb. 9, 2023 (AP) - Police said.", ["QUITO, Feb. 9, 2023 (AP) -", "Police said."]),
        # A wire credit with no dash after it (PTI, IANS).
        ("Imphal, Mar 4 (PTI) Police said.", ["Imphal, Mar 4 (PTI)", "Police said."]),
        ("Ladakh (PTI) said nothing.", ["Ladakh (PTI) said nothing."]),
        ("In 2019 - a year of war - they left.", ["In 2019 - a year of war - they left."]),
        # A timeline's entry: its date is no dateline.
        ("March 16, 2024 — Rebels attack a patrol.", ["March 16, 2024 — Rebels attack a patrol."]),
        (
            "PORT-AU-PRINCE, Haiti (AP) — Gangs burned homes.",
            ["PORT-AU-PRINCE, Haiti (AP) —", "Gangs burned homes."],
        ),
        # A hyphen that joins a word: the line is one sentence.
        (
            "The Secretary-General condemned the raid.",
            ["The Secretary-General condemned the raid."],
        ),
        ("Chad-Sudan Talks Open In Ndjamena", ["Chad-Sudan Talks Open In Ndjamena"]),
    ],
)
def test_a_dateline_ends_at_its_dash_and_a_hyphen_in_a_word_ends_nothing(
    text: str, sentences: list[str]
) -> None:
    assert [s.text.strip() for s in load_nlp()(text).sents] == sentences
