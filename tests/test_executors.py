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


@pytest.fixture()
def scheduler(tmp_path):
    """A real Dask scheduler and one worker process on 127.0.0.1 (as `dask scheduler` / `dask worker` start them)."""
    import socket
    import subprocess
    import sys
    import time

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    cli = [sys.executable, "-m"]
    processes = [
        subprocess.Popen(
            [*cli, "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=tmp_path,
        )
    ]
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            if time.monotonic() > deadline:
                pytest.fail("the Dask scheduler did not start")
            time.sleep(0.2)
    processes.append(
        subprocess.Popen(
            [*cli, "distributed.cli.dask_worker", address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=tmp_path,
        )
    )
    yield address
    for process in reversed(processes):
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def test_a_build_on_an_existing_dask_cluster_gives_the_same_bytes_and_shards(built, layout, scheduler):
    from distributed import Client

    with Client(scheduler, timeout="30s") as client:
        client.wait_for_workers(1, timeout=60)
    on_cluster = build(layout, use_cache=False, executor="dask", scheduler=scheduler)
    assert on_cluster.cached_documents == 0
    assert turtle_bytes(on_cluster.graph) == turtle_bytes(built.graph)
    assert [s.key for s in on_cluster.shards] == [s.key for s in built.shards]
