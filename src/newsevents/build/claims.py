"""Stage `claims`: the place where casualty claims extraction plugs in (issue 5).

Not implemented yet. The stage returns the draft unchanged, so `casualty_claims` stays
empty and the manifest records the extractor as not implemented; nothing is faked.
"""

from newsevents.build.document import Draft

VERSION = "not-implemented"


def extract_claims(draft: Draft) -> Draft:
    return draft
