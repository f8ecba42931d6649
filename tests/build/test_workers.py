"""Spreading work over processes: results in item order, the same with any number of workers,
and the shared data read from the workers' inherited memory instead of being sent."""

from __future__ import annotations

import gc
import os
import threading

import pytest

from parley.build.workers import PARALLEL_THRESHOLD, fork_map, worker_count


def _square_plus(shared: dict[str, int], item: int) -> tuple[int, int]:
    return item * item + shared["offset"], os.getpid()


def _shared_call(shared: threading.Lock, item: int) -> bool:
    return not shared.locked()


def test_results_are_in_item_order_whatever_the_workers() -> None:
    items = list(range(200))
    expected = [n * n + 7 for n in items]
    for workers in (1, 2, 3):
        found = fork_map(_square_plus, {"offset": 7}, items, workers)
        assert [value for value, _ in found] == expected


def test_two_workers_run_in_other_processes() -> None:
    found = fork_map(_square_plus, {"offset": 0}, list(range(100)), 2)
    assert os.getpid() not in {pid for _, pid in found}


def test_one_worker_runs_in_this_process() -> None:
    found = fork_map(_square_plus, {"offset": 0}, [1, 2, 3], 1)
    assert {pid for _, pid in found} == {os.getpid()}


def test_shared_data_is_inherited_not_pickled() -> None:
    lock = threading.Lock()  # a lock cannot be pickled: sending it would raise
    assert fork_map(_shared_call, lock, list(range(50)), 2) == [True] * 50


def test_no_items_give_no_results() -> None:
    assert fork_map(_square_plus, {"offset": 0}, [], 2) == []


def test_a_failing_item_raises_in_the_caller() -> None:
    with pytest.raises(KeyError):
        fork_map(_square_plus, {}, list(range(10)), 2)


@pytest.mark.parametrize(
    ("jobs", "items", "expected"),
    [
        (3, 1, 3),  # asked for: given, even when it does not pay
        (1, 10_000, 1),
        (0, PARALLEL_THRESHOLD - 1, 1),  # automatic, too little work for more processes
        (0, PARALLEL_THRESHOLD, os.cpu_count() or 1),  # automatic: one per core
    ],
)
def test_worker_count(jobs: int, items: int, expected: int) -> None:
    assert worker_count(jobs, items) == expected


def test_the_cyclic_collector_is_as_it_was_after_the_work() -> None:
    assert gc.isenabled()
    fork_map(_square_plus, {"offset": 0}, list(range(100)), 2)
    assert gc.isenabled()
    gc.disable()
    try:
        fork_map(_square_plus, {"offset": 0}, list(range(100)), 1)
        assert not gc.isenabled()
    finally:
        gc.enable()
