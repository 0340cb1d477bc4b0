#!/usr/bin/env python3
"""Scores Scriptorium's reading of the real-document corpus (Tests/RealDocuments) against the outlines and sentences
a careful reader gave each document by hand.

Each document is built on its own with `scriptorium build`; the CSV tables are read back (what users get, end to end)
and compared with NAME.outline and NAME.sentences:
- headings: matched by the line they start on; found / missed / extra, and levels and numbers of those found;
- blocks: paragraph, list-item and verbatim counts against the expected counts;
- sentences: precision, recall and F1 over the multisets of sentence texts.

    python3 Tests/Benchmarks/real_documents.py --binary .build/release/scriptorium [--only held-out|tuned] [--detail NAME]
"""
import argparse, shutil, collections, csv, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "RealDocuments")


def expected(name):
    entries, meta = [], {}
    with open(os.path.join(CORPUS, name + ".outline"), encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if line.startswith("#"):
                if ":" in line:
                    key, _, value = line[1:].partition(":")
                    meta[key.strip()] = value.strip()
                continue
            if not line.strip():
                continue
            cols = line.split("\t")
            lines = cols[0].split("-")
            entries.append({"start": int(lines[0]), "end": int(lines[-1]), "kind": cols[1],
                            "level": cols[2] if len(cols) > 2 else "", "label": cols[3] if len(cols) > 3 else ""})
    with open(os.path.join(CORPUS, name + ".sentences"), encoding="utf-8") as f:
        sentences = [s.strip() for s in f.read().split("\n") if s.strip()]
    return entries, sentences, meta


def built(binary, name, workdir):
    src = os.path.join(CORPUS, name + ".txt")
    out = os.path.join(workdir, name)
    indir = os.path.join(workdir, name + "-in")
    os.makedirs(indir, exist_ok=True)
    dest = os.path.join(indir, name + ".txt")
    if not os.path.exists(dest):  # a copy: the tool refuses a symbolic link that leads out of its input
        shutil.copyfile(src, dest)
    subprocess.run([binary, "build", indir, "--output", out], check=True, stdout=subprocess.DEVNULL)
    text = open(src, encoding="utf-8-sig", newline="").read()
    # Code point offset -> 1-based line number (a line ends at LF, CR or CRLF).
    line_of, n = [], 1
    for i, ch in enumerate(text):
        line_of.append(n)
        if ch == "\n" or (ch == "\r" and (i + 1 == len(text) or text[i + 1] != "\n")):
            n += 1
    line_of.append(n)

    def table(t):
        with open(os.path.join(out, "data", "csv", t + ".csv"), encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))

    entries = []
    for s in table("sections"):
        entries.append({"start": line_of[int(s["start"])], "kind": "heading", "level": s["level"],
                        "label": s.get("number", ""), "text": s["heading"]})
    for b in table("blocks"):
        entries.append({"start": line_of[int(b["start"])], "kind": b["kind"], "label": b.get("marker", ""), "text": b["text"]})
    sentences = [s["text"] for s in table("sentences")]
    return entries, sentences


def score(binary, names, detail, workdir):
    totals = collections.Counter()
    rows = []
    for name in names:
        exp, exp_sent, meta = expected(name)
        got, got_sent = built(binary, name, workdir)
        exp_h = {e["start"]: e for e in exp if e["kind"] == "heading"}
        got_h = {e["start"]: e for e in got if e["kind"] == "heading"}
        found = set(exp_h) & set(got_h)
        counts = {k: (sum(e["kind"] == k for e in exp), sum(e["kind"] == k for e in got))
                  for k in ("paragraph", "list_item", "verbatim")}
        pool = collections.Counter(exp_sent)
        matched = 0
        for s in got_sent:
            if pool[s] > 0:
                pool[s] -= 1
                matched += 1
        p = matched / len(got_sent) if got_sent else 0
        r = matched / len(exp_sent) if exp_sent else 1
        f1 = 2 * p * r / (p + r) if p + r else 0
        rows.append((name, meta.get("held out", "?"), len(exp_h), len(found), len(set(got_h) - set(exp_h)), counts, p, r, f1))
        totals.update({"headings": len(exp_h), "found": len(found), "extra": len(set(got_h) - set(exp_h)),
                       "sent_exp": len(exp_sent), "sent_got": len(got_sent), "sent_match": matched,
                       "levels_right": sum(exp_h[k]["level"] == got_h[k]["level"] for k in found)})
        for k, (e, g) in counts.items():
            totals[k + "_exp"] += e
            totals[k + "_got"] += g
        if name == detail:
            print(f"== {name}: missed headings")
            for k in sorted(set(exp_h) - set(got_h)):
                print(f"  {k}: {exp_h[k]['kind']} ({[e['kind'] for e in got if e['start'] == k]})")
            print(f"== {name}: extra headings")
            for k in sorted(set(got_h) - set(exp_h)):
                print(f"  {k}: {got_h[k]['text'][:70]!r} (expected {[e['kind'] for e in exp if e['start'] == k]})")
            exp_blocks = {e["start"]: e["kind"] for e in exp if e["kind"] != "heading"}
            outline = subprocess.run([binary, "outline", os.path.join(CORPUS, name + ".txt")], check=True,
                                     capture_output=True, text=True).stdout
            got_blocks = {int(l.split("\t")[0].split("-")[0]): l.split("\t")[1] for l in outline.splitlines()
                          if l.split("\t")[1] != "heading"}
            print(f"== {name}: blocks that differ (line: expected / got)")
            for k in sorted(set(exp_blocks) | set(got_blocks)):
                if exp_blocks.get(k) != got_blocks.get(k):
                    print(f"  {k}: {exp_blocks.get(k, '-')} / {got_blocks.get(k, '-')}")
            print(f"== {name}: sentences missed")
            for s in exp_sent:
                if s not in got_sent:
                    print("  -", s[:140])
            print(f"== {name}: sentences extra")
            for s in got_sent:
                if s not in exp_sent:
                    print("  +", s[:140])
    print(f"{'document':24} {'held':4} {'head':>4} {'found':>5} {'extra':>5}   {'para e/g':>9} {'items e/g':>9} {'verb e/g':>8}   {'P':>5} {'R':>5} {'F1':>5}")
    for name, held, h, fd, ex, c, p, r, f1 in rows:
        print(f"{name:24} {held:4} {h:4} {fd:5} {ex:5}   {c['paragraph'][0]:4}/{c['paragraph'][1]:<4} {c['list_item'][0]:4}/{c['list_item'][1]:<4} "
              f"{c['verbatim'][0]:3}/{c['verbatim'][1]:<4}   {p:5.2f} {r:5.2f} {f1:5.2f}")
    t = totals
    p = t["sent_match"] / t["sent_got"] if t["sent_got"] else 0
    r = t["sent_match"] / t["sent_exp"] if t["sent_exp"] else 0
    f1 = 2 * p * r / (p + r) if p + r else 0
    print(f"\nheadings: {t['found']} of {t['headings']} found ({t['found'] / max(1, t['headings']):.0%}), {t['extra']} extra "
          f"({t['extra'] / max(1, t['headings']):.0%} of expected); levels right for {t['levels_right']} of {t['found']}")
    for k in ("paragraph", "list_item", "verbatim"):
        e, g = t[k + "_exp"], t[k + "_got"]
        print(f"{k}s: {g} against {e} expected ({(g - e) / max(1, e):+.0%})")
    print(f"sentences: precision {p:.3f}, recall {r:.3f}, F1 {f1:.3f} ({t['sent_match']} of {t['sent_exp']} expected, {t['sent_got']} found)")
    return f1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=".build/release/scriptorium")
    ap.add_argument("--only", choices=["held-out", "tuned"])
    ap.add_argument("--detail")
    ap.add_argument("--names", help="only these documents, comma-separated")
    args = ap.parse_args()
    files = set(os.listdir(CORPUS))
    names = sorted(f[:-4] for f in files if f.endswith(".txt") and f[:-4] + ".outline" in files and f[:-4] + ".sentences" in files)
    if args.names:
        names = [n for n in names if n in args.names.split(",")]
    if args.only:
        want = "yes" if args.only == "held-out" else "no"
        names = [n for n in names if expected(n)[2].get("held out") == want]
    with tempfile.TemporaryDirectory() as workdir:
        score(os.path.abspath(args.binary), names, args.detail, workdir)


if __name__ == "__main__":
    main()
