#!/usr/bin/env python3
"""Accuracy of photodedupe on a labeled corpus from ../shared/bench/make_corpus.py.

Scans the corpus once, groups it at every threshold asked for, and scores each
grouping with the shared scorer (groups count as "every pair inside is a
duplicate"). Run by hand, not by CI:

    python3 bench/accuracy.py --corpus ../corpus-dev [--thresholds 0,4,8,...] [--transforms 14]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from photodedupe.core.find.cache import HashCache
from photodedupe.core.find.options import ScanOptions
from photodedupe.core.find.scan import scan
from photodedupe.core.keep.keeper import keeper_for
from photodedupe.core.report import report_dict
from photodedupe.core.thresholds import default_threshold, max_threshold

HERE = Path(__file__).resolve().parent
DEFAULT_SCORER = HERE.parent.parent / "shared" / "bench"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", required=True, help="folder with labels.json and photos/")
    ap.add_argument("--scorer", default=str(DEFAULT_SCORER), help="folder holding score.py")
    ap.add_argument("--hash-bits", type=int, default=128)
    ap.add_argument("--thresholds", help="comma list (default: every 2 bits up to the slider maximum)")
    ap.add_argument(
        "--transforms",
        type=int,
        action="append",
        default=[],
        help="also print recall per transformation at this threshold (repeatable)",
    )
    ap.add_argument(
        "--show-fp", type=int, default=0, help="list false-positive pairs at --transforms thresholds"
    )
    ap.add_argument("--cache", help="a hash cache file, so reruns do not decode again")
    args = ap.parse_args()
    sys.path.insert(0, args.scorer)
    import score as S  # the shared scorer

    corpus = Path(args.corpus)
    labels = S.load_labels(str(corpus / "labels.json"))
    root = str(corpus / labels.get("root", "photos"))
    with HashCache(args.cache) as cache:
        result = scan([root], cache=cache, options=ScanOptions(hash_bits=args.hash_bits))
    print(
        f"scanned {result.stats.files} files, {len(result.photos)} photos, {len(result.errors)} errors "
        f"in {result.stats.seconds:.1f} s",
        file=sys.stderr,
    )
    top = max_threshold(args.hash_bits)
    ths = [int(t) for t in args.thresholds.split(",")] if args.thresholds else list(range(0, top + 1, 2))
    match = S.PathMatcher(labels, root)
    print(
        f"{'thr':>4} {'P':>6} {'R':>6} {'F1':>6} | {'exact':>6} {'near':>6} {'geom':>6} {'simil':>6} | "
        f"{'FP':>5} hard-neg far/heavy/scene | groups"
    )
    for t in sorted(set(ths + args.transforms)):
        groups = result.groups(t, keeper_for(result))
        pred = report_dict(result, groups, t)
        pairs, errs = S.parse_prediction(pred, match)
        res = S.score(labels, pairs, errs, show_fp=args.show_fp if t in args.transforms else 0)
        near = res["modes"]["near"]
        rc = {c: res["recall_by_class"][c]["recall"] for c in ("exact", "near", "geometric", "similar-shot")}
        hn = {k: v["reported"] for k, v in res["hard_negatives"].items()}
        mark = " <- default" if t == default_threshold(args.hash_bits) else ""

        def f(x: float | None) -> str:
            return "     -" if x is None else f"{x:6.3f}"

        print(
            f"{t:4d} {f(near['precision'])} {f(near['recall'])} {f(near['f1'])} | {f(rc['exact'])} "
            f"{f(rc['near'])} {f(rc['geometric'])} {f(rc['similar-shot'])} | "
            f"{res['false_positives']['total']:5d} {hn.get('far_crop', 0)}/{hn.get('heavy_crop', 0)}/"
            f"{hn.get('similar_scene', 0)} | {len(groups)}{mark}"
        )
        if t in args.transforms:
            print(S.format_report(res, title=f"threshold {t}"))
    invalid = S.score(labels, set(), errs)["invalid"]
    listed = sum(1 for v in invalid.values() if v.get("listed_as_error"))
    print(f"invalid files listed under errors: {listed}/{len(invalid)}", file=sys.stderr)


if __name__ == "__main__":
    main()
