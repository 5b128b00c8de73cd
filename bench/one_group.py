#!/usr/bin/env python3
"""Is each picture one group? On a labeled corpus (../shared/bench/make_corpus.py):

    python3 bench/one_group.py --corpus ../corpus-dev [--thresholds 8,16,20] [--cache FILE] [--alone]

For each threshold, counts the pictures whose copies (original, exact, near and
geometric files: not other shots, not hard negatives) are split over more than
one group, and the groups that mix two pictures. With ``--alone`` it also checks
the invariant that grouping does not depend on the rest of the library: each
picture's files scanned alone (from the cache) give the same group as inside the
whole library. Run by hand, not by CI.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import sys
from pathlib import Path

from photodedupe.core.find.cache import HashCache
from photodedupe.core.find.scan import scan
from photodedupe.core.keep.keeper import keeper_for
from photodedupe.core.thresholds import default_threshold

COPIES = {"original", "exact", "near", "geometric"}


def picture_of(labels: dict, root: str) -> dict[str, tuple[str, str]]:
    """path → (picture, transform) for the files that are copies of a picture."""
    out = {}
    for f in labels["files"]:
        if f.get("class") in COPIES:
            out[os.path.join(root, f["path"])] = (f["group"], f.get("transform", ""))
    return out


def splits(result, threshold: int, pictures: dict[str, tuple[str, str]]):
    """(pictures split, groups mixing pictures, per picture its group count, lost transforms)."""
    groups = result.groups(threshold, keeper_for(result))
    where: dict[str, set[int]] = collections.defaultdict(set)
    mixed = 0
    for g, group in enumerate(groups):
        labels = {
            pictures[result.photos[m.index].path][0]
            for m in group.members
            if result.photos[m.index].path in pictures
        }
        mixed += len(labels) > 1
        for m in group.members:
            path = result.photos[m.index].path
            if path in pictures:
                where[pictures[path][0]].add(g)
    split = {pic: len(gs) for pic, gs in where.items() if len(gs) > 1}
    return split, mixed, where


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--thresholds", default=f"8,{default_threshold()},20")
    ap.add_argument("--cache")
    ap.add_argument("--alone", action="store_true")
    args = ap.parse_args()
    corpus = Path(args.corpus)
    labels = json.loads((corpus / "labels.json").read_text())
    root = str(corpus / labels.get("root", "photos"))
    pictures = picture_of(labels, root)
    size = collections.Counter(pic for pic, _ in pictures.values())
    pictures = {path: v for path, v in pictures.items() if size[v[0]] > 1}  # a lone photo has no copies
    with HashCache(args.cache) as cache:
        result = scan([root], cache=cache)
        for t in (int(x) for x in args.thresholds.split(",")):
            split, mixed, where = splits(result, t, pictures)
            total = len({p for p, _ in pictures.values()})
            groups = result.groups(t, keeper_for(result))
            in_group = {result.photos[m.index].path for g in groups for m in g.members}
            files_of = collections.Counter(pic for pic, _ in pictures.values())
            whole = sum(
                1
                for pic, gs in where.items()
                if len(gs) == 1 and len(groups[next(iter(gs))].members) >= files_of[pic]
            )
            missing = collections.Counter(tr for path, (_, tr) in pictures.items() if path not in in_group)
            print(
                f"{t:>2} bits: {whole} of {total} pictures whole; {len(split)} split over several groups "
                f"{sorted(split.items())[:8]}; {mixed} groups mixing pictures; "
                f"files in no group by kind: {dict(missing.most_common())}"
            )
        if args.alone:
            t = default_threshold()
            _, _, inside = splits(result, t, pictures)
            by_picture = collections.defaultdict(list)
            for path, (pic, _) in pictures.items():
                by_picture[pic].append(path)
            differ = 0
            for pic, paths in sorted(by_picture.items()):
                alone = scan(paths, cache=cache)
                gs = alone.groups(t, keeper_for(alone))
                sizes_alone = sorted(len(g.members) for g in gs)
                sizes_inside = sorted(
                    sum(
                        1
                        for m in result.groups(t, keeper_for(result))[g].members
                        if result.photos[m.index].path in pictures
                        and pictures[result.photos[m.index].path][0] == pic
                    )
                    for g in inside[pic]
                )
                if sizes_alone != sizes_inside:
                    differ += 1
                    print(f"  {pic}: alone {sizes_alone}, in the library {sizes_inside}")
            print(f"alone vs inside the library at {t} bits: {differ} of {len(by_picture)} pictures differ")


if __name__ == "__main__":
    sys.exit(main())
