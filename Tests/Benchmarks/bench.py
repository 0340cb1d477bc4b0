#!/usr/bin/env python3
"""make bench: generates a deterministic corpus of essay-like documents in a temporary folder, builds it with
the release binary (all formats, validation, manifest), and prints MB/s of input, documents per second and peak
memory. A benchmark, never a test: the figures depend on the machine."""
import argparse
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def essay_parts():
    """Headings, paragraphs and list items of the shipped essay, the raw material of the corpus."""
    with open(os.path.join(ROOT, "input", "us-japan-security-treaty.txt"), encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip()]
    headings = [l for l in lines if not re.search(r"[.!?:]$", l) and l != "-"]
    paragraphs = [l for l in lines if l.endswith(".") and not l.startswith("- ")]
    items = [l for l in lines if l.startswith("- ")]
    return headings, paragraphs, items


def document(rng, parts, size):
    headings, paragraphs, items = parts
    out, total = [], 0
    out.append(rng.choice(paragraphs))
    while total < size:
        out.append(rng.choice(headings))
        for _ in range(rng.randint(2, 4)):
            out.append(rng.choice(paragraphs))
        if rng.random() < 0.3:
            out.extend(rng.sample(items, 3))
        total = sum(len(x.encode()) + 1 for x in out)
    return "\n".join(out) + "\n"


def generate(folder, megabytes, doc_kb, large_mb, seed=1951):
    rng = random.Random(seed)
    parts = essay_parts()
    os.makedirs(folder, exist_ok=True)
    shutil.copy(os.path.join(ROOT, "input", "lexicon.json"), folder) if os.path.exists(os.path.join(ROOT, "input", "lexicon.json")) else None
    total, n = 0, 0
    budget = megabytes * 1_000_000 - large_mb * 1_000_000
    while total < budget:
        text = document(rng, parts, doc_kb * 1000)
        n += 1
        path = os.path.join(folder, f"doc-{n:06d}.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        total += len(text.encode())
    if large_mb:
        text = document(rng, parts, large_mb * 1_000_000)
        with open(os.path.join(folder, "large-single-file.txt"), "w", encoding="utf-8") as f:
            f.write(text)
        total += len(text.encode())
        n += 1
    return total, n


def one_paragraph(folder, megabytes, wrap=0, seed=1951):
    """One document that is a single paragraph of `megabytes` MB: the essay's sentences in random order, on one line,
    or hard-wrapped at `wrap` columns with no blank line. The case where one block holds every sentence."""
    rng = random.Random(seed)
    _, paragraphs, _ = essay_parts()
    sentences = [s for p in paragraphs for s in re.split(r"(?<=\.)\s+(?=[A-Z])", p) if len(s) > 20]
    parts, total = [], 0
    while total < megabytes * 1_000_000:
        parts.append(rng.choice(sentences))
        total += len(parts[-1].encode()) + 1
    text = " ".join(parts)
    if wrap:
        import textwrap
        text = "\n".join(textwrap.wrap(text, wrap, break_long_words=False, break_on_hyphens=False))
    os.makedirs(folder, exist_ok=True)
    shutil.copy(os.path.join(ROOT, "input", "lexicon.json"), folder)
    with open(os.path.join(folder, "paragraph.txt"), "w", encoding="utf-8") as f:
        f.write(text + "\n")
    return len(text.encode()) + 1


def timed(command):
    """Wall time (s) and peak RSS (KiB) of `command`; exits with its stderr if it fails."""
    start = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if p.returncode != 0:
        sys.exit(f"bench: {' '.join(command[:2])} failed:\n{p.stderr[-2000:]}")
    return elapsed, int(p.stderr.strip().splitlines()[-1])


def paragraph_bench(args, tmp):
    """`--paragraph-mb`: build and validate one huge paragraph; time and peak memory, also as multiples of its size."""
    corpus, out = os.path.join(tmp, "paragraph"), os.path.join(tmp, "out")
    size = one_paragraph(corpus, args.paragraph_mb, wrap=args.wrap)
    print(f"machine: {machine()}; one paragraph of {size / 1e6:.1f} MB"
          + (f", wrapped at {args.wrap} columns" if args.wrap else ", on one line"))
    for name, command in [("build", [args.binary, "build", corpus, "--output", out, "--jobs", str(args.jobs)]),
                          ("validate", [args.binary, "validate", out])]:
        elapsed, rss = timed(command)
        print(f"{name}: {elapsed:.2f} s ({size / 1e6 / elapsed:.1f} MB/s), peak RSS {rss / 1024:.0f} MiB "
              f"({rss * 1024 / size:.1f}x the document)")


def run(binary, corpus, output, jobs):
    start = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", binary, "build", corpus, "--output", output, "--jobs", str(jobs),
                        "--timings"], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if p.returncode != 0:
        sys.exit(f"bench: build failed:\n{p.stderr[-2000:]}")
    lines = p.stderr.strip().splitlines()
    user, system, rss_kb = lines[-1].split()
    timings = next((l.split("timings (CPU s): ", 1)[1] for l in lines if "timings (CPU s): " in l), "")
    return elapsed, int(rss_kb), (float(user), float(system)), timings


def machine():
    """CPU model and core count, for the record."""
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            model = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), model)
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build/release/scriptorium"))
    ap.add_argument("--megabytes", type=int, default=int(os.environ.get("BENCH_MB", "100")))
    ap.add_argument("--doc-kb", type=int, default=20)
    ap.add_argument("--large-mb", type=int, default=10)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--repeat", type=int, default=int(os.environ.get("BENCH_REPEAT", "2")),
                    help="builds per configuration; the fastest is reported (the others are noise on a shared machine)")
    ap.add_argument("--paragraph-mb", type=int, default=0,
                    help="instead of the corpus: build and validate one document that is a single paragraph of this size")
    ap.add_argument("--wrap", type=int, default=0, help="with --paragraph-mb: hard-wrap the paragraph at this column")
    args = ap.parse_args()
    if not os.path.exists("/usr/bin/time"):
        sys.exit("bench: needs /usr/bin/time (apt-get install time)")
    tmp = tempfile.mkdtemp(prefix="scriptorium-bench-")
    if args.paragraph_mb:
        try:
            paragraph_bench(args, tmp)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        return
    try:
        corpus = os.path.join(tmp, "corpus")
        total, n = generate(corpus, args.megabytes, args.doc_kb, args.large_mb)
        print(f"machine: {machine()}; corpus and output under {tempfile.gettempdir()}")
        print(f"corpus: {n} documents, {total / 1e6:.1f} MB (about {args.doc_kb} KB each, one of {args.large_mb} MB); "
              f"best of {max(1, args.repeat)} builds each")
        walls = {}
        for jobs in sorted({1, args.jobs}):
            runs = []
            for k in range(max(1, args.repeat)):
                out = os.path.join(tmp, f"out-{jobs}")
                shutil.rmtree(out, ignore_errors=True)
                runs.append(run(args.binary, corpus, out, jobs))
            elapsed, rss, cpu, timings = min(runs, key=lambda r: r[0])
            rss = max(r[1] for r in runs)
            walls[jobs] = elapsed
            print(f"--jobs {jobs}: {elapsed:.2f} s, {total / 1e6 / elapsed:.1f} MB/s, {n / elapsed:.0f} documents/s, "
                  f"peak RSS {rss / 1024:.0f} MiB, CPU {cpu[0]:.2f} s user + {cpu[1]:.2f} s system")
            stages = [kv.split("=") for kv in timings.split()]
            if stages:
                print("  CPU per stage (MB/s of input on one core): " +
                      ", ".join(f"{k} {float(v):.2f} s ({total / 1e6 / float(v):.0f})" if float(v) > 0 else f"{k} 0 s" for k, v in stages))
        if args.jobs > 1:
            same = subprocess.run(["diff", "-r", "-q", os.path.join(tmp, "out-1"), os.path.join(tmp, f"out-{args.jobs}")],
                                  capture_output=True).returncode == 0
            print(f"speed-up of --jobs {args.jobs} over --jobs 1: {walls[1] / walls[args.jobs]:.2f}x")
            print(f"output identical for --jobs 1 and --jobs {args.jobs}: {'yes' if same else 'NO'}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
