"""The card's prose that belongs to one dataset: title, summary, licence, citation.

It comes from the dataset's description (`dataset.yaml`, CLI overrides); where the
description is silent the text states only what the build knows, so the card of any
corpus never claims to be another dataset.
"""

import textwrap

from newsevents.description import DatasetDescription
from newsevents.release.text_policy import POLICY_TEXT

ANNOTATIONS_LICENSE = "CC BY 4.0"
DEFAULT_TAGS = ["news", "event-extraction", "plover", "casualties"]


def summary_text(description: DatasetDescription, article_count: int, input_name: str) -> str:
    parts = []
    if description.summary:
        parts.append(description.summary.strip())
    else:
        parts.append(
            f"{article_count} news article(s) from the input folder `{input_name}/`, built by "
            "newsevents into a dataset: each article cleaned of site boilerplate, with its "
            "source (outlet, URL, wire agency, dateline), publication date and where that date "
            "came from, and the entities, PLOVER-coded events and casualty claims it reports, "
            "each tied to the exact sentence it was read from, with the same events clustered "
            "across articles. The folder gave no description of its own (`dataset.yaml`)."
        )
    if description.homepage:
        parts.append(f"Homepage: <{description.homepage}>")
    return "\n\n".join(parts)


def motivation_text(description: DatasetDescription) -> str:
    """Paragraphs after the template's own motivation (it ends the line it is on)."""
    return "\n\n" + description.motivation.strip() if description.motivation else ""


def license_details(text_policy: str) -> str:
    """One line for the front matter: what is licensed, and what text is shipped."""
    texts = {
        "full": "Article texts are included in full and remain the copyright of their "
        "publishers, for research (see the card).",
        "spans": "Only headlines and evidence sentences of the article texts are included; "
        "they remain the copyright of their publishers.",
        "none": "No article text is included; headlines remain the copyright of their publishers.",
    }[text_policy]
    return f"Annotations: {ANNOTATIONS_LICENSE}. {texts} (text_policy: {text_policy})"


def license_text(description: DatasetDescription, text_policy: str) -> str:
    license_id, name, link = description.licensing
    if description.license is None:
        lines = [
            f"The annotations (everything except article texts and headlines) are released "
            f"under {ANNOTATIONS_LICENSE}. Article texts and headlines remain the copyright of "
            "their publishers and are included only so that every extracted value can be "
            f"checked against its source. The terms are in `{link}` (Hub licence `other`, "
            f"`{name}`)."
        ]
    elif license_id == "other":
        lines = [f"Released under the terms named `{name}`: <{link}>."]
    else:
        lines = [f"Released under `{license_id}`, as its description states."]
    lines.append(f"Text policy of this release: `{text_policy}` (see Article texts).")
    return "\n\n".join(textwrap.fill(line, width=88) for line in lines)


def license_file(text_policy: str) -> str:
    """LICENSE.md of a release whose description names no licence (front matter link)."""
    return (
        "# License\n\n"
        f"Annotations (every value the build extracted or computed, and the record layout): "
        f"{ANNOTATIONS_LICENSE}, <https://creativecommons.org/licenses/by/4.0/>.\n\n"
        "Article texts and headlines remain the copyright of their publishers; they are not "
        "licensed by this release.\n\n"
        f"{POLICY_TEXT[text_policy]}\n"
    )


def citation_text(description: DatasetDescription, version: str) -> str:
    entry = description.citation
    if entry:
        entry = entry.replace("{{version}}", version).strip()
    else:
        key = description.name.replace("-", "_").replace(".", "_")
        title = description.title.replace("{", "").replace("}", "")
        entry = (
            f"@misc{{{key},\n"
            f"  title  = {{{title}}},\n"
            f"  note   = {{Release {version}, built with newsevents; cite the version and the "
            "SHA256SUMS of the release you used}\n}"
        )
    return f"```bibtex\n{entry}\n```"
