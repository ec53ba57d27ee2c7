"""A memory-mapped copy of the warm index next to the store, so that screening starts at once.

The index lives in the store (built at ingest). Reading it takes about a second for a
million people; this cache holds the same arrays as ``.npy`` files in ``<store>.warm/<stamp>/``,
which load memory-mapped in a few milliseconds, and whose pages every screening process (and
every forked worker) shares through the page cache. Beside them: the reference graph
(:mod:`tiescreen.ties.graph`) and the entity rows as text (:mod:`tiescreen.store.rowcache`),
which finishing reads instead of the store.

The stamp is a digest of what identifies the store's content: its schema version, every
source's name, content hash, load time and record count (an ingest always rewrites these),
and the tiescreen version that wrote the cache. A cache is only ever read under its own
stamp, so an ingest makes the old one unreachable (it is removed when the next is written).
A cache directory appears complete or not at all (written aside, then renamed). Nothing here
is required: a store in a read-only folder, or ``TIESCREEN_WARM_CACHE=0``, loads from the
store every time.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from tiescreen.index.keytable import KeyTable
from tiescreen.index.postings import Postings
from tiescreen.index.records import ScoringRecords

if TYPE_CHECKING:
    from tiescreen.store.registry import RegistryStore
    from tiescreen.ties.graph import RefGraph

__all__ = ["FORMAT", "Parts", "cache_dir", "load", "load_graph", "save"]

FORMAT = "4"  # 2: with the reference graph (tiescreen.ties.graph); 3: with the key table's runs; 4: with the rows
_ARRAYS = ("hashes", "word_ids", "runs", "flat", "offsets", "masks", "years", "starts", "ends", "data")
IntArray = npt.NDArray[np.int64]
Parts = tuple[KeyTable, Mapping[str, IntArray], IntArray, IntArray, ScoringRecords]


def cache_dir(store: RegistryStore) -> Path | None:
    """Where the cache of the store's current index lives (None: no cache for this store)."""
    path = str(getattr(store.db, "path", "") or "")
    if not path or path == ":memory:" or os.environ.get("TIESCREEN_WARM_CACHE", "1") in ("0", "false", "no"):
        return None
    from tiescreen import __version__
    from tiescreen.store.registry import SCHEMA_VERSION

    sources = [(s.name, s.content_hash, s.loaded_at, s.records) for s in store.sources()]
    stamp = json.dumps([FORMAT, SCHEMA_VERSION, __version__, sources])
    return Path(path + ".warm") / hashlib.sha256(stamp.encode("utf-8")).hexdigest()[:24]


def load(store: RegistryStore) -> Parts | None:
    """The cached index of the store as it is now, memory-mapped; None when there is none."""
    target = cache_dir(store)
    if target is None or not target.is_dir():
        return None
    try:
        arrays = {name: np.asarray(np.load(target / f"{name}.npy", mmap_mode="r")) for name in _ARRAYS}
        words, wkeys = json.loads((target / "words.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        shutil.rmtree(target, ignore_errors=True)  # damaged: the caller reads the store and writes it anew
        return None
    postings = Postings(wkeys, arrays["flat"], arrays["offsets"])
    records = ScoringRecords(arrays["starts"], arrays["ends"], arrays["data"].data)
    keys = KeyTable(arrays["hashes"], arrays["word_ids"], words, arrays["runs"])
    return keys, postings, arrays["masks"], arrays["years"], records


def load_graph(store: RegistryStore) -> RefGraph | None:
    """The store's reference graph from its cache, memory-mapped; None when the cache has none."""
    from tiescreen.ties.graph import RefGraph

    target = cache_dir(store)
    if target is None or not (target / "graph.json").is_file():
        return None
    from tiescreen.store.rowcache import RowTexts

    try:
        # Plain arrays over the mapped pages: a slice of a np.memmap costs a Python object more.
        arrays = {name: np.asarray(np.load(target / f"graph_{name}.npy", mmap_mode="r")) for name in RefGraph.ARRAYS}
        props = json.loads((target / "graph.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # the walk reads the store step by step, as without a cache
    return RefGraph.from_arrays(props, arrays, RowTexts.load(target, len(arrays["into"]) - 1))


def save(store: RegistryStore, parts: Parts) -> Path | None:
    """Write the cache of the store's current index (best effort: None when it cannot)."""
    target = cache_dir(store)
    if target is None or target.is_dir():
        return target
    keys, postings = parts[0], parts[1]
    arrays = _arrays(parts)
    if any(len(a) == 0 for a in arrays.values()):
        return None  # an empty index loads at once anyway (and empty arrays cannot be mapped)
    try:
        target.parent.mkdir(exist_ok=True)
        aside = Path(tempfile.mkdtemp(prefix=".part-", dir=target.parent))
    except OSError:
        return None
    try:
        for name, array in arrays.items():
            np.save(aside / f"{name}.npy", np.ascontiguousarray(array))
        (aside / "words.json").write_text(json.dumps([keys.words, list(postings)]), encoding="utf-8")
        _save_graph(store, aside)
        aside.chmod(0o755)
        aside.rename(target)  # fails when another process wrote it first: theirs is as good
    except OSError:
        shutil.rmtree(aside, ignore_errors=True)
        return target if target.is_dir() else None
    _drop_others(target)
    return target


def _save_graph(store: RegistryStore, aside: Path) -> None:
    """The reference graph beside the index, when the store has one worth mapping, and the
    entity rows with it (written meanwhile by a thread: each is mostly one core's work)."""
    from concurrent.futures import ThreadPoolExecutor

    from tiescreen.store.rowcache import remove_rows, write_rows_in

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="tiescreen-rows") as pool:
        rows = pool.submit(write_rows_in(store, aside))
        saved = _write_graph(store, aside)
        written = rows.result()
    if saved is None or written != saved:
        remove_rows(aside)  # rows no graph numbers: the walk reads its rows from the store


def _write_graph(store: RegistryStore, aside: Path) -> int | None:
    """Write the reference graph; how many rows it numbers (None: no graph written)."""
    from tiescreen.errors import StoreError, UnsupportedFeature
    from tiescreen.ties.graph import RefGraph

    try:
        graph = RefGraph.from_store(store)
    except (StoreError, UnsupportedFeature):
        return None
    if graph is None:
        return None
    arrays = graph.arrays()
    if any(len(a) == 0 for a in arrays.values()):
        return None
    for name, array in arrays.items():
        np.save(aside / f"graph_{name}.npy", np.ascontiguousarray(array))
    (aside / "graph.json").write_text(json.dumps(list(graph.props)), encoding="utf-8")
    return graph.rows


def _arrays(parts: Parts) -> dict[str, Any]:
    keys, postings, masks, years, records = parts
    sizes = np.array([len(p) for p in postings.values()], dtype=np.int64)
    return {
        "hashes": keys.hashes,
        "word_ids": keys.word_ids,
        "runs": keys.runs,
        "flat": np.concatenate(list(postings.values())) if postings else np.zeros(0, dtype=np.int64),
        "offsets": np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64),
        "masks": masks,
        "years": years,
        "starts": records.starts,
        "ends": records.ends,
        "data": np.frombuffer(records.data, dtype=np.uint8),
    }


def _drop_others(keep: Path) -> None:
    """Remove the caches of earlier versions of the index (processes mapping them keep their pages),
    and what writers that died left aside (an hour old: a live writer takes seconds)."""
    for other in keep.parent.iterdir():
        if other == keep:
            continue
        try:
            abandoned = time.time() - other.stat().st_mtime > 3600
        except OSError:
            continue
        if not other.name.startswith(".part-") or abandoned:
            shutil.rmtree(other, ignore_errors=True)
