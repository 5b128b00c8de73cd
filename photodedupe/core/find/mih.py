"""Every pair of hashes within r bits, without comparing every pair: multi-index hashing.

Split the hash into m chunks and give chunk k a radius r_k with
sum(r_k + 1) = r + 1. If two hashes differ in at most r bits, some chunk
differs in at most r_k of them (otherwise the total would exceed r): so it is
enough to look, for each chunk, in the buckets of chunk values within r_k of
the query's (Norouzi, Punjani & Fleet, "Fast search in Hamming space with
multi-index hashing", CVPR 2012). Each pair is reported once, by the first chunk
that finds it, and only if its full distance is within r: the result is exact.

The loops over buckets are compiled with numba: in numpy they would have to
materialise every bucket member as a candidate first (billions at a million
photos). They release the GIL, so the GUI stays responsive meanwhile.
"""

from __future__ import annotations

import itertools
import math
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from itertools import combinations
from typing import Any

import numba
import numpy as np
from llvmlite import ir
from numba import types
from numba.core import cgutils
from numba.core.extending import intrinsic

from photodedupe.core.kernels import saved_if_possible
from photodedupe.core.progress import CancelToken

#: A probe (a jump to a random bucket) costs about this many item comparisons (read in a
#: row): measured at a million photos, 6 wide chunks took 296 s and 7 narrower ones 233 s.
_PROBE_COST = 4
_MASK_BATCH = 64  # chunk values probed per compiled call: the cancel check runs between calls
#: How many queries ahead the buckets are prefetched. The search is bound by memory latency
#: (each probe lands in a random bucket of a table far bigger than the caches): asking for
#: the bucket of the 16th next query while comparing this one took a million photos from
#: 174 s to 132 s (the bucket table itself is asked for 32 ahead).
_AHEAD = 16


def _popcount_typing(typingctx: Any, x: Any) -> Any:
    """The CPU's popcount instruction (LLVM ctpop); numba has no numpy bitwise_count."""

    def codegen(context: Any, builder: Any, signature: Any, args: Any) -> Any:
        fn = builder.module.declare_intrinsic("llvm.ctpop", [ir.IntType(64)])
        return builder.call(fn, args)

    return types.uint64(types.uint64), codegen


_popcount: Any = intrinsic(_popcount_typing)  # called as _popcount(x) in compiled code


def _prefetch_typing(typingctx: Any, arr: Any, idx: Any) -> Any:
    """Ask the CPU to start loading arr[idx] into the cache (LLVM prefetch); a hint, never a fault."""

    def codegen(context: Any, builder: Any, signature: Any, args: Any) -> Any:
        array_type = signature.args[0]
        array = context.make_array(array_type)(context, builder, args[0])
        ptr = cgutils.get_item_pointer(context, builder, array_type, array, [args[1]], wraparound=False)
        i8p, i32 = ir.IntType(8).as_pointer(), ir.IntType(32)
        fn = builder.module.declare_intrinsic(
            "llvm.prefetch", fnty=ir.FunctionType(ir.VoidType(), (i8p, i32, i32, i32))
        )
        read, keep, data = ir.Constant(i32, 0), ir.Constant(i32, 3), ir.Constant(i32, 1)
        builder.call(fn, (builder.bitcast(ptr, i8p), read, keep, data))
        return context.get_dummy_value()

    return types.void(arr, idx), codegen


_prefetch: Any = intrinsic(_prefetch_typing)  # called as _prefetch(arr, idx) in compiled code


@saved_if_possible
@numba.njit(nogil=True, cache=True)
def _probe(
    masks: np.ndarray,  # chunk values to XOR with each query's key
    q_order: np.ndarray,  # query rows, sorted by their chunk key
    q_keys: np.ndarray,  # their chunk keys, in that order
    queries: np.ndarray,  # (N, W) uint64, in that order too: read one after the other
    items: np.ndarray,  # (M, W) uint64, sorted by chunk key
    items_flat: np.ndarray,  # the same, as one row (for prefetching)
    item_ids: np.ndarray,  # original item row of each sorted item: its photo is that row modulo ``photos``
    photos: int,  # the number of queries (photos): item v belongs to photo v % photos
    symmetric: bool,  # the items are the queries' own kind of hash: report q~v only from the lower photo
    starts: np.ndarray,  # starts[key]..starts[key+1]: the sorted items with that chunk key
    earlier: np.ndarray,  # (k, W) bit masks of the chunks searched before this one
    earlier_radius: np.ndarray,  # their radii
    radius: int,
    out_q: np.ndarray,
    out_item: np.ndarray,
    out_d: np.ndarray,
) -> int:
    """Fill out_* with the pairs found through ``masks``; -1 if they do not fit."""
    n_out = 0
    words = queries.shape[1]
    for t in range(masks.shape[0]):
        mask = masks[t]
        n = q_order.shape[0]
        last = items_flat.shape[0] - 1
        for p in range(n):
            if p + 2 * _AHEAD < n:
                _prefetch(starts, q_keys[p + 2 * _AHEAD] ^ mask)
            if p + _AHEAD < n:
                _prefetch(items_flat, min(starts[q_keys[p + _AHEAD] ^ mask] * words, last))
            i = q_order[p]
            key = q_keys[p] ^ mask
            for s in range(starts[key], starts[key + 1]):
                d = 0
                for w in range(words):
                    d += _popcount(queries[p, w] ^ items[s, w])
                if d > radius:
                    continue  # most candidates: whose they are is worked out only for the few that pass
                o = item_ids[s] % photos
                if o == i or (symmetric and o < i):
                    continue
                seen = False
                for k in range(earlier.shape[0]):
                    c = 0
                    for w in range(words):
                        c += _popcount((queries[p, w] ^ items[s, w]) & earlier[k, w])
                    if c <= earlier_radius[k]:
                        seen = True  # an earlier chunk already reported this pair
                        break
                if seen:
                    continue
                if n_out == out_q.shape[0]:
                    return -1
                out_q[n_out] = i
                out_item[n_out] = item_ids[s]
                out_d[n_out] = d
                n_out += 1
    return n_out


@saved_if_possible
@numba.njit(nogil=True, cache=True)
def _bucket_sort(keys: np.ndarray, starts: np.ndarray, items: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The rows in order of their key, each key's rows in their own order (what a stable sort
    gives), and the items put in that order, from where each key's rows begin (``starts``): a
    counting sort, one pass. numpy's stable sort of 11 million keys, then gathering the items,
    took most of the search's single-threaded time."""
    following = starts[:-1].copy()
    n, words = items.shape
    order = np.empty(n, starts.dtype)  # int32 below 2**31 items: 4 bytes an item less
    sorted_items = np.empty((n, words), items.dtype)
    for row in range(n):
        key = keys[row]
        at = following[key]
        following[key] = at + 1
        order[at] = row
        for w in range(words):
            sorted_items[at, w] = items[row, w]
    return order, sorted_items


@dataclass(frozen=True)
class _Chunk:
    start_bit: int
    width: int
    radius: int
    earlier: np.ndarray  # (k, W) masks of the chunks searched before
    earlier_radius: np.ndarray


def _search_chunk(
    chunk: _Chunk,
    queries: np.ndarray,
    items: np.ndarray,
    symmetric: bool,
    radius: int,
    pool: ThreadPoolExecutor,
    threads: int,
    cancel: CancelToken | None,
) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """The pairs one chunk finds. Its tables (a sorted copy of the items: 16 bytes an item and
    more) live only while it runs: a function of its own, so none is left for the next chunk."""
    width = chunk.width
    index_type = np.int32 if max(len(items), len(queries)) < 2**31 else np.int64
    item_keys = _chunk_keys(items, chunk.start_bit, width)
    starts = np.zeros((1 << width) + 1, index_type)
    np.cumsum(np.bincount(item_keys, minlength=1 << width), out=starts[1:])
    order, sorted_items = _bucket_sort(item_keys, starts, items)
    del item_keys  # the sort is all that is needed of it
    query_keys = _chunk_keys(queries, chunk.start_bit, width)
    q_starts = np.zeros((1 << width) + 1, index_type)
    np.cumsum(np.bincount(query_keys, minlength=1 << width), out=q_starts[1:])
    q_order, sorted_queries = _bucket_sort(query_keys, q_starts, queries)
    q_keys = query_keys[q_order]
    flips = _flips(width, chunk.radius)
    shared = (
        sorted_items, sorted_items.reshape(-1), order, len(queries), symmetric, starts,
        chunk.earlier, chunk.earlier_radius,
    )  # fmt: skip
    # The compiled search releases the GIL: each core takes a share of the queries (in order of
    # their key, so each share reads its own part of the tables) for each batch of chunk values.
    cuts = np.linspace(0, len(queries), threads + 1).astype(np.int64).tolist()
    tasks = [
        (flips[b : b + _MASK_BATCH], q_order[x:y], q_keys[x:y], sorted_queries[x:y])
        for b in range(0, len(flips), _MASK_BATCH)
        for x, y in itertools.pairwise(cuts)
        if y > x
    ]
    return list(pool.map(partial(_probe_batch, shared=shared, radius=radius, cancel=cancel), tasks))


def _probe_batch(
    task: tuple[np.ndarray, ...], shared: tuple[Any, ...], radius: int, cancel: CancelToken | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pairs found for some queries through some chunk values, in arrays just large enough."""
    masks, q_order, q_keys, queries = task
    capacity = 1 << 16
    while True:
        if cancel is not None:
            cancel.raise_if_cancelled()
        out_q = np.empty(capacity, np.int32)
        out_item = np.empty(capacity, np.int64)
        out_d = np.empty(capacity, np.uint16)
        n = _probe(masks, q_order, q_keys, queries, *shared, radius, out_q, out_item, out_d)
        if n >= 0:
            return out_q[:n].copy(), out_item[:n].copy(), out_d[:n].copy()
        capacity *= 4


def _ball_size(width: int, r: int) -> int:
    return sum(math.comb(width, k) for k in range(r + 1))


def _plan(bits: int, radius: int, queries: int, items: int) -> tuple[list[int], list[int]]:
    """Chunk widths and radii that make the search cheapest, by a simple cost model.

    Each query probes every value within r_k of its key in each chunk (a
    random memory access: _PROBE_COST each) and compares the items found there
    (about items / 2^width each, read one after the other: 1 each);
    each chunk's bucket table costs 2^width. More, narrower chunks mean fewer
    probes but fuller buckets.
    """
    best: tuple[float, list[int], list[int]] | None = None
    for m in range(max(1, bits // 32), bits // 8 + 1):
        widths = [bits // m + (1 if k < bits % m else 0) for k in range(m)]
        shares = [(radius + 1) // m + (1 if k < (radius + 1) % m else 0) for k in range(m)]
        radii = [s - 1 for s in shares]  # -1: a chunk that needs no probing at all
        probes = sum(_ball_size(w, r) for w, r in zip(widths, radii, strict=True) if r >= 0)
        cost = sum(
            queries * _ball_size(w, r) * (_PROBE_COST + items / 2**w) + 2**w
            for w, r in zip(widths, radii, strict=True)
            if r >= 0
        )
        if max(widths) > 24 or probes > 5_000_000:
            continue
        if best is None or cost < best[0]:
            best = (cost, widths, radii)
    if best is None:
        raise ValueError(f"no multi-index plan for {bits} bits within {radius}")
    return best[1], best[2]


def _chunk_masks(bits: int, widths: list[int]) -> np.ndarray:
    """(m, W) word masks selecting each chunk's bits; bit b is (words[b // 64] >> (b % 64)) & 1."""
    masks = np.zeros((len(widths), bits // 64), np.uint64)
    lo = 0
    for k, width in enumerate(widths):
        for b in range(lo, lo + width):
            masks[k, b // 64] |= np.uint64(1) << np.uint64(b % 64)
        lo += width
    return masks


def _chunk_keys(words: np.ndarray, lo: int, width: int) -> np.ndarray:
    """The value of bits lo..lo+width-1 of each row (width <= 32, within or across two words)."""
    w, off = divmod(lo, 64)
    keys = words[:, w] >> np.uint64(off)
    if off + width > 64:
        keys = keys | (words[:, w + 1] << np.uint64(64 - off))
    return (keys & np.uint64((1 << width) - 1)).astype(np.int32 if width < 32 else np.int64)


def _flips(width: int, r: int) -> np.ndarray:
    """Every value with at most r bits set among the low ``width`` bits, fewest bits first."""
    values = [0]
    for k in range(1, r + 1):
        values.extend(sum(1 << b for b in combo) for combo in combinations(range(width), k))
    return np.array(values, np.int64)


def pairs_within(
    queries: np.ndarray,
    items: np.ndarray,
    radius: int,
    symmetric: bool = False,
    cancel: CancelToken | None = None,
    threads: int | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every (query row q, item row v) of different photos at most ``radius`` bits apart.

    ``queries`` (N × W, one per photo) and ``items`` (M × W) are uint64 words;
    item v belongs to photo v % N (items are K hashes of every photo, one kind
    after the other). With ``symmetric`` the items are the queries themselves,
    and q~v is reported only for q < v. Returns (q, v, distance) arrays, in no
    particular order. ``threads`` (default: every core) share the probing.
    """
    threads = threads or os.cpu_count() or 1
    queries = np.ascontiguousarray(queries, np.uint64)
    items = np.ascontiguousarray(items, np.uint64)
    empty = (np.zeros(0, np.int32), np.zeros(0, np.int64), np.zeros(0, np.uint16))
    if len(queries) == 0 or len(items) == 0 or radius < 0:
        return empty
    bits = queries.shape[1] * 64
    radius = min(radius, bits)
    widths, radii = _plan(bits, radius, len(queries), len(items))
    chunk_masks = _chunk_masks(bits, widths)
    found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    lo = 0
    with ThreadPoolExecutor(threads, thread_name_prefix="photodedupe-pairs") as pool:
        for k, (width, r) in enumerate(zip(widths, radii, strict=True)):
            start_bit, lo = lo, lo + width
            if r < 0:
                continue
            earlier = chunk_masks[:k][[x >= 0 for x in radii[:k]]] if k else chunk_masks[:0]
            earlier_radius = np.array([x for x in radii[:k] if x >= 0], np.int64)
            chunk = _Chunk(start_bit, width, r, earlier, earlier_radius)
            found.extend(_search_chunk(chunk, queries, items, symmetric, radius, pool, threads, cancel))
    if not found:
        return empty
    q, v, d = (np.concatenate(parts) for parts in zip(*found, strict=True))
    return q, v, d
