#!/usr/bin/env python3
"""make instructions: counts the instructions a build executes, stage by stage, under valgrind's callgrind.

Wall-clock figures on a shared 2-core machine move by 10-20 % from run to run; instruction counts do not, so this
is the figure to compare before and after a change to a hot path. It builds a small deterministic corpus (the
same generator as `make bench`), runs the release binary under callgrind and prints the inclusive instruction
count (Ir) of each stage per MB of input.

callgrind cannot read the debug information of this Swift toolchain, so it profiles a copy of the binary with the
debug sections stripped (symbols stay). Under valgrind, SHA-256 runs BoringSSL's AVX code instead of the SHA
extensions the real CPU has, so hashing is shown apart and left out of the total that matters."""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402

# Stage name -> a fragment of the mangled symbol whose inclusive count is the stage's cost.
STAGES = [
    ("extract", r"DocumentExtractorO7extract8document"),
    ("normalize", r"DocumentNormalizerV9normalize"),
    ("validate", r"RecordValidatorV8validate_6source"),
    ("csv rows", r"CSVRecordRowsVyAC0A5Model15DocumentRecordsVcfC"),
    ("document tree", r"12DocumentTreeVyAcA0C7RecordsVAC15MisplacedRecordVYKcfC$"),
    ("tei tree", r"TEIWriterC5buildy"),
    ("tei relax ng", r"^xmlRelaxNGValidateDoc$"),
    ("tei serialise", r"^xmlSaveDoc$"),
    ("jsonld", r"JSONLDDocumentWriterO5build"),
    ("html reading view", r"ReadingViewO5build"),
    ("sha256 (AVX under valgrind)", r"sha256_block_data_order_avx"),
    ("malloc+free", r"^(malloc|_int_malloc|_int_free|free|cfree|malloc_consolidate)$"),
    ("retain+release", r"^swift_(retain|release)$"),
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(bench.ROOT, ".build/release/scriptorium"))
    ap.add_argument("--megabytes", type=int, default=2)
    args = ap.parse_args()
    if not shutil.which("valgrind"):
        sys.exit("instructions: needs valgrind (apt-get install valgrind)")
    tmp = tempfile.mkdtemp(prefix="scriptorium-instructions-")
    try:
        corpus = os.path.join(tmp, "corpus")
        total_bytes, n = bench.generate(corpus, args.megabytes, 20, 0)
        binary = os.path.join(tmp, "scriptorium")
        subprocess.run(["objcopy", "--strip-debug", args.binary, binary], check=True)
        out = os.path.join(tmp, "callgrind.out")
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", binary, "build", corpus,
                        "--output", os.path.join(tmp, "out"), "--jobs", "1"], check=True, capture_output=True)
        self_counts = annotate(out, inclusive=False)
        inclusive = annotate(out, inclusive=True)
        total = sum(self_counts.values())
        mb = total_bytes / 1e6
        print(f"corpus: {n} documents, {mb:.2f} MB; instructions (Ir) per MB of input")
        sha_pattern = next(pattern for name, pattern in STAGES if name.startswith("sha"))
        sha = sum(v for k, v in self_counts.items() if re.search(sha_pattern, k))
        print(f"  total {total / mb / 1e6:,.0f} M, without SHA-256 {(total - sha) / mb / 1e6:,.0f} M")
        for name, pattern in STAGES:
            table = self_counts if name in ("malloc+free", "retain+release") or name.startswith("sha") else inclusive
            matches = [v for k, v in table.items() if re.search(pattern, k)]
            value = sum(matches) if table is self_counts else max(matches, default=0)
            print(f"  {name:28} {value / mb / 1e6:8,.0f} M")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def annotate(path, inclusive):
    """function name -> Ir, from callgrind_annotate (recursion duplicates such as `f'2` are dropped)."""
    text = subprocess.run(["callgrind_annotate", f"--inclusive={'yes' if inclusive else 'no'}", "--threshold=100",
                           path], capture_output=True, text=True, check=True).stdout
    counts = {}
    for line in text.splitlines():
        m = re.match(r"\s*([\d,]+)\s+\([^)]*\)\s+(?:[^:]*:)?(\S+)", line)
        if not m or "PROGRAM TOTALS" in line:
            continue
        name = m.group(2)
        if "'" in name:
            continue
        counts[name] = max(counts.get(name, 0), int(m.group(1).replace(",", "")))
    return counts


if __name__ == "__main__":
    main()
