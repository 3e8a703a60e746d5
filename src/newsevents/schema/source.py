"""Where an article came from: outlet, wire agency, dateline."""

from pydantic import Field

from newsevents.schema.spans import Record


class Source(Record):
    """Provenance of an article as far as the input and its text tell."""

    outlet: str | None = Field(
        default=None,
        description="Publication name (curated, from input metadata, from the URL domain "
        "through the outlet table, or from a lead credit such as 'Infostani International:').",
    )
    url: str | None = Field(default=None, description="Address the article was published at.")
    domain: str | None = Field(
        default=None, description="Host of `url`, lower-case, without 'www.'."
    )
    author: str | None = Field(
        default=None, description="Person credited in a byline ('Edited By: ...', 'By ...')."
    )
    agency: str | None = Field(
        default=None,
        description="Wire service credited for the story (PTI, AFP, Reuters, AP, IRNA...).",
    )
    dateline: str | None = Field(
        default=None,
        description="Place named in the opening dateline ('ISLAMABAD:' -> 'Islamabad').",
    )
