"""Stage `events`: the place where events extraction plugs in (issue 4).

Not implemented yet. The stage returns the draft unchanged, so `events` stays
empty and the manifest records the extractor as not implemented; nothing is faked.
"""

from newsevents.build.document import Draft

VERSION = "not-implemented"


def extract_events(draft: Draft) -> Draft:
    return draft
