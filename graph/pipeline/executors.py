"""The per-document stage on a Dask cluster (`amurkg build --executor dask [--scheduler tcp://HOST:PORT]`).

Documents are sent to the cluster's workers, each of which builds the catalog's linker once (a worker
plugin); the outcomes come back in document order and go through the same cache as a local build,
so the output is the same, byte for byte. Without a scheduler, a local cluster of two worker
processes on 127.0.0.1 is started for the build. Needs the `dask` extra (`pip install 'amurkg[dask]'`).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from typing import Any

from amurkg.corpus.catalog import Catalog
from amurkg.corpus.documents import DocumentMeta
from amurkg.errors import InputError
from amurkg.pipeline import process
from amurkg.pipeline.process import DocumentOutcome, OutcomeCache

EXECUTORS = ("local", "dask")
LOCAL_WORKERS = 2


def _linker_plugin(catalog: Catalog) -> Any:
    """A worker plugin that builds the linker once in each worker process (also in workers joining later)."""
    from distributed import WorkerPlugin

    class LinkerPlugin(WorkerPlugin):
        name = "amurkg-linker"

        def setup(self, worker: Any) -> None:
            process._init_worker(catalog)

    return LinkerPlugin()


def dask_process_corpus(
    documents: list[DocumentMeta],
    catalog: Catalog,
    cache: OutcomeCache,
    scheduler: str | None = None,
    progress: Callable[[str], None] = lambda _: None,
) -> Iterator[DocumentOutcome]:
    """Outcomes in document order, as `process_corpus` gives them, computed on a Dask cluster."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise InputError.one("--executor dask", "needs the dask extra: pip install 'amurkg[dask]'") from None
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="10s")
        else:
            cluster = LocalCluster(
                n_workers=LOCAL_WORKERS,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
            )
            client = Client(cluster)
    except OSError as exc:
        raise InputError.one("--scheduler", f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
    info = client.scheduler_info()
    progress(f"  on Dask: {info.get('address', scheduler)}, {len(info.get('workers', {}))} workers")
    try:
        client.register_plugin(_linker_plugin(catalog))
        window: deque = deque()
        for document in documents:
            text = document.read_text()
            key = cache.key(document, text)
            cached = cache.get(key)
            job = None if cached is not None else (document.id, document.language, text)
            future = None if job is None else client.submit(process._process_in_worker, job, pure=False)
            window.append((document, key, cached, future))
            while len(window) > 8 * LOCAL_WORKERS:
                yield _finish(window.popleft(), cache, progress)
        while window:
            yield _finish(window.popleft(), cache, progress)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _finish(entry: tuple, cache: OutcomeCache, progress: Callable[[str], None]) -> DocumentOutcome:
    document, key, cached, future = entry
    outcome = cached if future is None else future.result()
    if future is not None:
        cache.put(key, outcome)
    progress(
        f"  {document.id} ({document.language}): {len(outcome.mentions)} mentions" + ("" if future else " (cached)")
    )
    return outcome
