"""Input limits: what the builder accepts, fixed here so every build applies the same
ones (they are documented in the README and the card; changing one changes releases).

Why each one:
- spaCy's parser and NER need about 1 GB of temporary memory per 100,000 characters
  and refuse texts over 1,000,000 (E088); a news article is rarely over 30,000.
- A whole `.txt`/`.html` file is read into memory, so its size is capped before reading;
  `.jsonl` is streamed a line at a time and each line is capped instead.
- YAML a user hands in (sidecars, gold files) is parsed by PyYAML's pure-Python
  composer, whose memory grows with the node count: size and depth are capped and
  anchors/aliases refused (a 362-byte "billion laughs" file otherwise needs gigabytes).
- Dates are checked against a fixed window, never against the day of the build, so
  a rebuild on another day gives the same bytes.
"""

import datetime as dt

# Articles
MAX_ARTICLE_CHARS = 100_000  # characters of cleaned text (headline + body)
MIN_ARTICLE_WORDS = 10  # words of body text after boilerplate is removed
MAX_FILE_BYTES = 16 * 1024 * 1024  # one .txt or .html file
MAX_JSONL_LINE_BYTES = 16 * 1024 * 1024  # one line of a .jsonl file

# YAML handed in by users (sources.yaml, gold annotations)
MAX_YAML_BYTES = 16 * 1024 * 1024
MAX_YAML_DEPTH = 32

# Dates: a publication date outside this window is rejected (`date-out-of-range`).
EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2100, 12, 31)

# Language: the pipeline is English. An article is rejected as `unsupported-language`
# when the identifier names another language with at least this probability, or when
# most of its letters are not Latin, read from at most LANGUAGE_SAMPLE_CHARS characters
# of the body. English news scores 0.9997 or more (all seeds, dev and dev-synth).
LANGUAGE = "en"
LANGUAGE_MIN_PROBABILITY = 0.95
LANGUAGE_SAMPLE_CHARS = 3_000
