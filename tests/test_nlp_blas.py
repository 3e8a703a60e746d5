"""The model's matrix products run on numpy's BLAS with one thread (pipeline/nlp.py),
and give the annotations spaCy's default BLIS gives, on the seeds and the dev set."""

from pathlib import Path
from typing import Any

import spacy
from thinc.api import Model, NumpyOps
from threadpoolctl import threadpool_info

from newsevents.pipeline.nlp import MODEL, load_nlp

from .conftest import DEV, SEEDS


def _texts(folder: Path) -> list[str]:
    return [
        path.read_text("utf-8", errors="replace")
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.suffix in (".txt", ".html", ".jsonl")
    ]


def _annotations(nlp: Any, texts: list[str]) -> list[list[tuple[Any, ...]]]:
    return [
        [(t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_iob_, t.ent_type_) for t in doc]
        for doc in nlp.pipe(texts)
    ]


def test_every_layer_of_the_model_uses_numpy_blas() -> None:
    nlp = load_nlp()
    layers = [
        layer
        for _, component in nlp.pipeline
        if isinstance(getattr(component, "model", None), Model)
        for layer in component.model.walk()
    ]
    assert layers
    assert all(isinstance(layer.ops, NumpyOps) for layer in layers)
    assert not any(layer.ops.use_blis for layer in layers)


def test_one_blas_thread_once_the_model_is_loaded() -> None:
    load_nlp()
    # numpy's BLAS, the one the model's products run on (scipy may load its own later)
    pools = [
        pool
        for pool in threadpool_info()
        if pool["user_api"] == "blas" and "numpy" in pool["filepath"]
    ]
    assert pools
    assert all(pool["num_threads"] == 1 for pool in pools)


def test_the_annotations_are_those_of_spacys_default_blas() -> None:
    texts = _texts(SEEDS) + (_texts(DEV) if DEV.is_dir() else [])
    ours = load_nlp()
    default = spacy.load(MODEL)  # BLIS, spaCy's default for the CPU
    assert any(
        isinstance(layer.ops, NumpyOps) and layer.ops.use_blis
        for layer in default.get_pipe("ner").model.walk()
    )
    default.add_pipe("newline_sentences", before="parser")
    assert _annotations(ours, texts) == _annotations(default, texts)
