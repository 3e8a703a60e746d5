"""Any corpus is its own dataset: its card and manifest name it from its description
(dataset.yaml, CLI overrides) or from its folder, never as the seed dataset."""

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.config import BuildConfig
from newsevents.description import load_description
from newsevents.errors import UserError
from newsevents.release.assemble import BuildReport, build_release

from .conftest import GOOD_ARTICLE, write_inputs

runner = CliRunner()
SEED_TITLE = "newsevents: the January 2024 Iran–Pakistan crisis in the news"


def _front(card: str) -> dict:
    return yaml.safe_load(card.split("---\n")[1])


def test_seed_card_keeps_the_seed_dataset_name_title_and_citation(
    seed_release: BuildReport,
) -> None:
    card = (seed_release.release_dir / "README.md").read_text("utf-8")
    assert seed_release.manifest.dataset == "newsevents-iran-pakistan-2024"
    assert card.split("---\n", 2)[2].lstrip().startswith(f"# {SEED_TITLE}\n")
    assert _front(card)["pretty_name"] == SEED_TITLE
    assert "Jaish al-Adl bases in Pakistan's" in card
    assert "@misc{newsevents_iran_pakistan_2024," in card
    assert "note   = {Release test; cite the version" in card
    assert "dataset.yaml" in {i.path for i in seed_release.manifest.inputs}


def test_a_corpus_without_description_is_named_after_its_folder(tmp_path: Path) -> None:
    inputs = write_inputs(tmp_path / "Diplomacy Notes", {"a.txt": GOOD_ARTICLE})
    report = build_release(BuildConfig(input_dir=inputs, out_dir=tmp_path / "out", version="v"))
    card = (report.release_dir / "README.md").read_text("utf-8")
    front = _front(card)
    assert report.manifest.dataset == "diplomacy-notes"
    assert front["pretty_name"] == "diplomacy-notes"
    assert "1 news article(s) from the input folder `Diplomacy Notes/`" in card
    # Nothing of the seeds' own prose or name.
    for seed_words in (SEED_TITLE, "Jaish al-Adl", "newsevents_iran_pakistan_2024", "iran"):
        assert seed_words not in card.replace("Iran–Pakistan crisis, with gold", "")
    assert front["tags"] == ["news", "event-extraction", "plover", "casualties"]
    # The Hub wants a name and a link with `license: other`; the link is a file of the release.
    assert front["license"] == "other"
    assert front["license_name"] == "cc-by-4.0-annotations-texts-publishers"
    assert front["license_link"] == "LICENSE.md"
    assert "CC BY 4.0" in (report.release_dir / "LICENSE.md").read_text("utf-8")
    assert "LICENSE.md" in (report.release_dir / "SHA256SUMS").read_text("utf-8")
    assert "@misc{diplomacy_notes," in card


def test_every_card_states_accuracy_sets_and_gazetteer_provenance(tmp_path: Path) -> None:
    inputs = write_inputs(tmp_path / "other", {"a.txt": GOOD_ARTICLE})
    report = build_release(BuildConfig(input_dir=inputs, out_dir=tmp_path / "out", version="v"))
    card = (report.release_dir / "README.md").read_text("utf-8")
    section = card.split("## How accurate is it")[1].split("\n## ")[0]
    assert "| events F1 (type and date) |" in section
    assert "- dev-synth: 24 articles written for the project" in section
    words = " ".join(card.split())
    assert "measured on three sets of the newsevents project, none of them part" in words
    assert "compiled offline from memory of Wikipedia and Wikidata" in words
    assert "its Wikidata ids (QIDs) were not verified online" in words


def test_description_file_and_cli_overrides(tmp_path: Path) -> None:
    inputs = write_inputs(
        tmp_path / "in",
        {
            "a.txt": GOOD_ARTICLE,
            "dataset.yaml": "name: talks-2024\npretty_name: Talks\nsummary: Talks, in the news.\n"
            "motivation: To study talks.\nhomepage: https://example.org/talks\n"
            "license: other\nlicense_name: talks-terms\nlicense_link: https://example.org/t\n",
        },
    )
    report = build_release(BuildConfig(input_dir=inputs, out_dir=tmp_path / "o1", version="v"))
    card = (report.release_dir / "README.md").read_text("utf-8")
    front = _front(card)
    assert report.manifest.dataset == "talks-2024"
    assert (front["pretty_name"], front["license_name"]) == ("Talks", "talks-terms")
    assert front["license_link"] == "https://example.org/t"
    assert "Talks, in the news.\n\nHomepage: <https://example.org/talks>" in card
    assert "To study talks." in card
    assert not (report.release_dir / "LICENSE.md").exists()

    args = ["build", "--input", str(inputs), "--out", str(tmp_path / "o2"), "--version", "v"]
    result = runner.invoke(
        app, [*args, "--name", "renamed", "--title", "Renamed", "--license", "cc-by-4.0"]
    )
    assert result.exit_code == 0, result.output
    card = (tmp_path / "o2" / "v" / "README.md").read_text("utf-8")
    front = _front(card)
    assert (front["pretty_name"], front["license"]) == ("Renamed", "cc-by-4.0")
    assert "license_name" not in front and "license_link" not in front
    assert '"dataset": "renamed"' in (tmp_path / "o2" / "v" / "manifest.json").read_text()


def test_license_other_without_its_terms_is_refused_before_building(tmp_path: Path) -> None:
    inputs = write_inputs(
        tmp_path / "in", {"a.txt": GOOD_ARTICLE, "dataset.yaml": "name: x\nlicense: other\n"}
    )
    result = runner.invoke(app, ["build", "--input", str(inputs), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"error: [E022] dataset description {inputs / 'dataset.yaml'} is invalid: file: Value "
        "error, license: other needs license_name and license_link; fix it (`newsevents init "
        "DIR` writes a commented example)"
    ]
    assert not (tmp_path / "o").exists()


def test_init_writes_a_description_that_builds(tmp_path: Path) -> None:
    inputs = write_inputs(tmp_path / "my articles", {"a.txt": GOOD_ARTICLE})
    result = runner.invoke(app, ["init", str(inputs)])
    assert result.exit_code == 0, result.output
    written = (inputs / "dataset.yaml").read_text("utf-8")
    assert written.startswith("# The description of this dataset")
    description = load_description(inputs)
    assert (description.name, description.pretty_name) == ("my-articles", "my-articles")
    assert description.license is None  # the default licence, explained in the comments
    again = runner.invoke(app, ["init", str(inputs)])
    assert again.exit_code == 1
    assert "[E025]" in again.output and "pass --force to overwrite it" in again.output
    assert runner.invoke(app, ["init", str(inputs), "--force"]).exit_code == 0


def test_a_description_that_is_not_a_mapping_names_the_file(tmp_path: Path) -> None:
    inputs = write_inputs(tmp_path / "in", {"a.txt": GOOD_ARTICLE, "dataset.yaml": "- a\n"})
    with pytest.raises(UserError, match=r"\[E022\] .*dataset.yaml is invalid: the file must"):
        load_description(inputs)
