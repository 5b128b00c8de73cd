#!/usr/bin/env python3
"""Which photo each group keeps, measured on a labeled corpus from ../shared/bench/make_corpus.py.

Every group of the corpus holds a camera original and copies made from it.
This scans the corpus once, groups it at the default level, and for each
group that holds the original (or a byte-identical copy of it) checks whether
the photo kept — the group's ★, what ``clean`` and "Mark all but the best"
keep — is the original or a byte-identical copy. Run by hand, not by CI:

    python3 bench/keepers.py --corpus ../corpus-dev [--rules resolution,size,oldest,name] [--cache FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

from photodedupe.core.find.cache import HashCache
from photodedupe.core.find.scan import scan
from photodedupe.core.keep.keeper import keeper_for
from photodedupe.core.keep.rules import DEFAULT_RULES, OLD_DEFAULT_RULES, parse_rules
from photodedupe.core.thresholds import default_threshold


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", required=True, help="folder with labels.json and photos/")
    ap.add_argument("--rules", action="append", type=parse_rules, help="rule lists to compare (repeatable)")
    ap.add_argument("--threshold", type=int, help="grouping level in bits (default: the app's default)")
    ap.add_argument("--cache", help="a hash cache file, so reruns do not decode again")
    ap.add_argument("--show", type=int, default=5, help="list this many misses per rule list")
    args = ap.parse_args()
    corpus = Path(args.corpus)
    labels = json.loads((corpus / "labels.json").read_text())
    root = (corpus / labels.get("root", "photos")).resolve()
    by_path = {str(root / f["path"]): f for f in labels["files"]}
    with HashCache(args.cache) as cache:
        result = scan([str(root)], cache=cache)
    threshold = default_threshold(128) if args.threshold is None else args.threshold
    for rules in args.rules or [OLD_DEFAULT_RULES, DEFAULT_RULES]:
        keeper = keeper_for(result, rules)
        groups = result.groups(threshold, keeper)
        right, kept_instead, misses = 0, Counter(), []
        with_original = 0
        for group in groups:
            paths = [result.photos[m.index].path for m in group.members]
            labelled = [by_path.get(p) for p in paths]
            originals = {i for i, f in enumerate(labelled) if f and f["transform"] == "original"}
            originals |= {i for i, f in enumerate(labelled) if f and f["class"] == "exact"}
            if not originals:
                continue
            with_original += 1
            if 0 in originals:
                right += 1
            else:
                kept = labelled[0]
                kept_instead[kept["transform"] if kept else "unlabelled"] += 1
                misses.append((paths[0], keeper.why(group, group.reference)))
        share = right / with_original if with_original else 0.0
        print(
            f"rules {','.join(rules)}: original (or an identical copy) kept in {right}/{with_original} "
            f"groups ({100 * share:.1f} %) at {threshold} bits"
        )
        if kept_instead:
            print("  kept instead: " + ", ".join(f"{t} {n}" for t, n in kept_instead.most_common()))
        for path, why in misses[: args.show]:
            print(f"    {os.path.relpath(path, root)}: {why}")
    print(f"{len(result.photos)} photos, {len(result.errors)} problem files", file=sys.stderr)


if __name__ == "__main__":
    main()
