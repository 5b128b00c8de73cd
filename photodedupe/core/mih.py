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

import math
from itertools import combinations

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


@intrinsic
def _popcount(typingctx, x):
    """The CPU's popcount instruction (LLVM ctpop); numba has no numpy bitwise_count."""

    def codegen(context, builder, signature, args):
        fn = builder.module.declare_intrinsic("llvm.ctpop", [ir.IntType(64)])
        return builder.call(fn, args)

    return types.uint64(types.uint64), codegen


@intrinsic
def _prefetch(typingctx, arr, idx):
    """Ask the CPU to start loading arr[idx] into the cache (LLVM prefetch); a hint, never a fault."""

    def codegen(context, builder, signature, args):
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


@saved_if_possible
@numba.njit(nogil=True, cache=True)
def _probe(
    masks,  # chunk values to XOR with each query's key
    q_order,  # query rows, sorted by their chunk key
    q_keys,  # their chunk keys, in that order
    queries,  # (N, W) uint64, in that order too: read one after the other
    items,  # (M, W) uint64, sorted by chunk key
    items_flat,  # the same, as one row (for prefetching)
    item_ids,  # original item row of each sorted item
    owner,  # photo of each sorted item
    once,  # True where a pair query~item is symmetric: report it only from the lower owner
    starts,  # starts[key]..starts[key+1]: the sorted items with that chunk key
    earlier,  # (k, W) bit masks of the chunks searched before this one
    earlier_radius,  # their radii
    radius,
    out_q,
    out_item,
    out_d,
):
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
                    continue  # most candidates: owner and once are read only for the few that pass
                o = owner[s]
                if o == i or (once[s] and o < i):
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
    return (keys & np.uint64((1 << width) - 1)).astype(np.int64)


def _flips(width: int, r: int) -> np.ndarray:
    """Every value with at most r bits set among the low ``width`` bits, fewest bits first."""
    values = [0]
    for k in range(1, r + 1):
        values.extend(sum(1 << b for b in combo) for combo in combinations(range(width), k))
    return np.array(values, np.int64)


def pairs_within(
    queries: np.ndarray,
    items: np.ndarray,
    owner: np.ndarray,
    radius: int,
    once: np.ndarray | None = None,
    cancel: CancelToken | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every (query row q, item row v) with owner[v] != q and at most ``radius`` differing bits.

    ``queries`` (N × W) and ``items`` (M × W) are uint64 words; ``owner`` says
    which query row (photo) each item belongs to. Where ``once`` is True the
    item is the same kind of hash as the queries, so q~v is reported only for
    q < owner[v]. Returns (q, v, distance) arrays, in no particular order.
    """
    queries = np.ascontiguousarray(queries, np.uint64)
    items = np.ascontiguousarray(items, np.uint64)
    owner = np.asarray(owner, np.int32)
    once = np.zeros(len(items), np.bool_) if once is None else np.asarray(once, np.bool_)
    empty = (np.zeros(0, np.int32), np.zeros(0, np.int64), np.zeros(0, np.uint16))
    if len(queries) == 0 or len(items) == 0 or radius < 0:
        return empty
    bits = queries.shape[1] * 64
    radius = min(radius, bits)
    widths, radii = _plan(bits, radius, len(queries), len(items))
    chunk_masks = _chunk_masks(bits, widths)
    found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    capacity = 1 << 16
    lo = 0
    for k, (width, r) in enumerate(zip(widths, radii, strict=True)):
        start_bit, lo = lo, lo + width
        if r < 0:
            continue
        item_keys = _chunk_keys(items, start_bit, width)
        order = np.argsort(item_keys, kind="stable")
        starts = np.zeros((1 << width) + 1, np.int32 if len(items) < 2**31 else np.int64)
        np.cumsum(np.bincount(item_keys, minlength=1 << width), out=starts[1:])
        sorted_items = items[order]
        flat_items = sorted_items.reshape(-1)
        sorted_owner, sorted_once = owner[order], once[order]
        query_keys = _chunk_keys(queries, start_bit, width)
        q_order = np.argsort(query_keys, kind="stable").astype(np.int64)
        q_keys = query_keys[q_order]
        sorted_queries = queries[q_order]
        earlier = chunk_masks[:k][[x >= 0 for x in radii[:k]]] if k else chunk_masks[:0]
        earlier_radius = np.array([x for x in radii[:k] if x >= 0], np.int64)
        flips = _flips(width, r)
        for b in range(0, len(flips), _MASK_BATCH):
            if cancel is not None:
                cancel.raise_if_cancelled()
            while True:
                out_q = np.empty(capacity, np.int32)
                out_item = np.empty(capacity, np.int64)
                out_d = np.empty(capacity, np.uint16)
                n = _probe(
                    flips[b : b + _MASK_BATCH], q_order, q_keys, sorted_queries, sorted_items, flat_items,
                    order, sorted_owner, sorted_once, starts, earlier, earlier_radius, radius,
                    out_q, out_item, out_d,
                )  # fmt: skip
                if n >= 0:
                    break
                capacity *= 4
            found.append((out_q[:n].copy(), out_item[:n].copy(), out_d[:n].copy()))
        del sorted_items, flat_items, starts
    if not found:
        return empty
    q, v, d = (np.concatenate(parts) for parts in zip(*found, strict=True))
    return q, v, d
