"""Stage `entities`: the place where entities extraction plugs in (issue 3).

Not implemented yet. The stage returns the draft unchanged, so `entities` stays
empty and the manifest records the extractor as not implemented; nothing is faked.
"""

from newsevents.build.document import Draft

VERSION = "not-implemented"


def extract_entities(draft: Draft) -> Draft:
    return draft
