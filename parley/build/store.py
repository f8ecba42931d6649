"""The memo kept on disk between builds: one SQLite file in the cache folder.

:func:`load_memo` gives the :class:`~parley.build.memo.Memo` the last build saved (an empty one
when the file is missing, unreadable or of another format: the cache is never needed, only
faster); :func:`save_memo` writes what changed and deletes what the build no longer uses, in one
transaction, so an interrupted build leaves the previous memo whole. Values are pickled: the file
is the build's own, like the generated tree, and is never published.
"""

from __future__ import annotations

import io
import pickle
import sqlite3
from contextlib import closing
from dataclasses import fields, replace
from pathlib import Path
from typing import Any, TypeVar

from parley.build.memo import Memo, PageRecord, UnitRecord

__all__ = ["MEMO_FILE", "load_memo", "save_memo"]

#: File of the memo in the cache folder.
MEMO_FILE = "stage-memo.sqlite"
#: Bump when what is stored changes shape.
FORMAT = "6"
#: The tables of stored items, as Memo's fields.
TABLES = ("read", "postings", "pages", "units", "traces")


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=DELETE")
    db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")
    for table in TABLES:
        db.execute(f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, value BLOB)")
    return db


def _key(table: str, key: Any) -> str:
    return key if isinstance(key, str) else repr(key)


def load_memo(folder: Path, data_digest: str) -> Memo:
    """The memo saved in ``folder`` for ``data_digest``; empty when there is none."""
    memo = Memo(data_digest=data_digest)
    path = folder / MEMO_FILE
    if not path.is_file():
        return memo
    try:
        with closing(_connect(path)) as db:
            meta = dict(db.execute("SELECT name, value FROM meta").fetchall())
            if meta.get("format") != FORMAT or meta.get("data") != data_digest:
                return memo
            for (value,) in db.execute("SELECT value FROM read"):
                key, result = pickle.loads(value)
                memo.read[key] = result
            for key, value in db.execute("SELECT key, value FROM postings"):
                memo.postings[key] = pickle.loads(value)
            # Records are pickled one by one, so each would hold its own copy of every lookup
            # it shares with others (some fifty per document, of a few thousand values): one.
            shared: dict[tuple[str, Any, bytes], tuple[str, Any, bytes]] = {}
            for key, value in db.execute("SELECT key, value FROM pages"):
                memo.pages[key] = _sharing(pickle.loads(value), shared)
            for key, value in db.execute("SELECT key, value FROM units"):
                memo.units[key] = _sharing(pickle.loads(value), shared)
            for key, value in db.execute("SELECT key, value FROM traces"):
                memo.traces[key] = pickle.loads(value)
    except (sqlite3.Error, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
        return Memo(data_digest=data_digest)
    memo.stored = {
        "read": {_key("read", k) for k in memo.read},
        "postings": set(memo.postings),
        "traces": set(memo.traces),
        "pages": dict(memo.pages),
        "units": dict(memo.units),
    }
    return memo


R = TypeVar("R", PageRecord, UnitRecord)


def _sharing(record: R, shared: dict[tuple[str, Any, bytes], tuple[str, Any, bytes]]) -> R:
    """``record`` with each of its lookups replaced by the equal one in ``shared`` (added when
    none is)."""
    lookups = tuple(shared.setdefault(d, d) for d in record.dependencies)
    return replace(record, dependencies=lookups)


def save_memo(folder: Path, memo: Memo) -> None:
    """Write ``memo`` into ``folder``: new and changed items added, items no longer in it
    deleted. Any failure leaves the cache as it was (or without the file): never the build's."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / MEMO_FILE
    saved: dict[str, Any] = memo.stored
    try:
        with closing(_connect(path)) as db:
            meta = dict(db.execute("SELECT name, value FROM meta").fetchall())
            if meta.get("format") != FORMAT or meta.get("data") != memo.data_digest:
                saved = {}
                for table in TABLES:
                    db.execute(f"DELETE FROM {table}")
            db.execute("BEGIN")
            _save_table(db, "read", {_key("read", k): (k, v) for k, v in memo.read.items()},
                        saved.get("read"))  # fmt: skip
            _save_table(db, "postings", memo.postings, saved.get("postings"))
            _save_table(db, "traces", memo.traces, saved.get("traces"))
            old_pages: dict[str, PageRecord] = saved.get("pages") or {}
            changed = {k: v for k, v in memo.pages.items() if old_pages.get(k) != v}
            _save_table(db, "pages", changed, set(old_pages) - set(changed), keep=set(memo.pages))
            old_units: dict[str, UnitRecord] = saved.get("units") or {}
            fresh = {k: v for k, v in memo.units.items() if old_units.get(k) != v}
            _save_table(db, "units", fresh, set(old_units) - set(fresh), keep=set(memo.units))
            db.executemany(
                "INSERT OR REPLACE INTO meta VALUES (?, ?)",
                [("format", FORMAT), ("data", memo.data_digest)],
            )
            db.execute("COMMIT")
        memo.stored = {
            "read": {_key("read", k) for k in memo.read},
            "postings": set(memo.postings),
            "traces": set(memo.traces),
            "pages": dict(memo.pages),
            "units": dict(memo.units),
        }
    except sqlite3.Error:
        path.unlink(missing_ok=True)


def _slot_fields(cls: type) -> tuple[str, ...] | None:
    """The field names of a frozen dataclass with slots (the model's records), else None."""
    names = _FIELDS.get(cls)
    if names is None and cls not in _FIELDS:
        params = getattr(cls, "__dataclass_params__", None)
        slotted = params is not None and params.frozen and "__slots__" in cls.__dict__
        names = _FIELDS[cls] = tuple(f.name for f in fields(cls)) if slotted else None
    return names


_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _rebuilt(cls: type, values: tuple[Any, ...]) -> Any:
    """A record of ``cls`` with its fields' ``values``, as ``dataclasses`` restores one."""
    record: Any = object.__new__(cls)
    for name, value in zip(_FIELDS.get(cls) or _slot_fields(cls) or (), values, strict=True):
        object.__setattr__(record, name, value)
    return record


class _Pickler(pickle.Pickler):
    """``pickle`` with the model's records written as their class and field values: what
    ``dataclasses``' own ``__getstate__`` gives, without looking up the class's fields for each
    of the hundreds of thousands of records a corpus holds (a third of saving the memo)."""

    def reducer_override(self, obj: Any) -> Any:
        names = _slot_fields(type(obj))
        if names is None:
            return NotImplemented
        return _rebuilt, (type(obj), tuple(getattr(obj, name) for name in names))


def dumps(value: Any) -> bytes:
    """``value`` pickled (protocol 5) as :class:`_Pickler` writes it."""
    out = io.BytesIO()
    _Pickler(out, protocol=5).dump(value)
    return out.getvalue()


def _save_table(
    db: sqlite3.Connection,
    table: str,
    items: dict[str, Any],
    stored: set[str] | None,
    keep: set[str] | None = None,
) -> None:
    """Insert the items not ``stored`` yet; delete the stored keys not in ``keep`` (default:
    the items' keys). Without ``stored`` (unknown), everything is written again."""
    keep = set(items) if keep is None else keep
    if stored is None:
        db.execute(f"DELETE FROM {table}")
        stored = set()
    gone = stored - keep
    db.executemany(f"DELETE FROM {table} WHERE key = ?", [(k,) for k in gone])
    # One item pickled at a time: a cold build's whole memo is never held pickled at once.
    new = ((k, dumps(v)) for k, v in items.items() if k not in stored)
    db.executemany(f"INSERT OR REPLACE INTO {table} VALUES (?, ?)", new)
