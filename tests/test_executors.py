"""`amurkg build --executor dask`: documents linked and extracted on a Dask cluster (a local one of two
worker processes on 127.0.0.1) give the same Turtle, byte for byte, as a serial build."""

from __future__ import annotations

import pytest

from amurkg.errors import InputError
from amurkg.pipeline.build import build
from amurkg.pipeline.serialize import turtle_bytes

pytest.importorskip("distributed")


def test_dask_build_gives_the_same_bytes_as_a_serial_build(built, layout):
    on_dask = build(layout, use_cache=False, executor="dask")
    assert on_dask.cached_documents == 0
    assert turtle_bytes(on_dask.graph) == turtle_bytes(built.graph)


def test_an_unreachable_scheduler_is_one_clear_error(layout):
    with pytest.raises(InputError) as failure:
        build(layout, use_cache=False, executor="dask", scheduler="tcp://127.0.0.1:9")
    assert "cannot reach the Dask scheduler tcp://127.0.0.1:9" in str(failure.value)
