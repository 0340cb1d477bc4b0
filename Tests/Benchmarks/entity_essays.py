#!/usr/bin/env python3
"""Scores Scriptorium's entities and dates on the hand-annotated essays of Tests/EntityEssays.

Each NAME.txt is built on its own (no --lexicon: the default lexicon is what is scored) and its mentions.csv and
entities.csv are compared with NAME.entities, written by hand before any build of the essay was looked at:
- gold mentions: every word-bounded occurrence of an annotated form inside a sentence (longest form first);
- recall: gold mentions found with exactly that span; entity recall: distinct annotated entities (by form group)
  of which at least one mention was found;
- wrong links: found mentions whose entity carries a Wikidata or GeoNames id that contradicts the annotation;
- false mentions: found mentions that are no gold mention (a form marked "!" is never one);
- dates: date mentions whose ISO value is not an annotated date of the essay.

    python3 Tests/Benchmarks/entity_essays.py --binary .build/release/scriptorium [--detail] [-- extra build args]
"""
import argparse, collections, csv, os, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "EntityEssays")


def form_pattern(form):
    """A form as a word-bounded pattern whose spaces also match a line break (a hard-wrapped name is one mention)."""
    return r"(?<!\w)" + r"\s+".join(re.escape(w) for w in form.split(" ")) + r"(?!\w)"


def annotations(name):
    gold, never, dates = [], [], collections.Counter()
    for raw in open(os.path.join(CORPUS, name + ".entities"), encoding="utf-8"):
        line = raw.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if cols[0].startswith("!"):
            never.append(cols[0][1:])
        elif cols[0] == "date":
            dates[cols[1]] += 1
        else:
            ids = {} if len(cols) < 3 or cols[2] == "-" else dict(
                ("geonames", i[3:]) if i.startswith("gn:") else ("wikidata", i) for i in cols[2].split())
            gold.append((cols[0], cols[1], ids))
    return gold, never, dates


def table(out, t):
    with open(os.path.join(out, "data", "csv", t + ".csv"), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def score(binary, name, workdir, extra):
    gold, never, gold_dates = annotations(name)
    indir = os.path.join(workdir, name + "-in")
    os.makedirs(indir, exist_ok=True)
    src = os.path.join(CORPUS, name + ".txt")
    dest = os.path.join(indir, name + ".txt")
    if not os.path.exists(dest):
        with open(src, "rb") as f, open(dest, "wb") as g:
            g.write(f.read())
    out = os.path.join(workdir, name)
    subprocess.run([binary, "build", indir, "--output", out] + extra, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    text = open(src, encoding="utf-8-sig", newline="").read()
    sentences = [(int(s["start"]), int(s["end"])) for s in table(out, "sentences")]
    # Gold spans: longest forms first, word-bounded, inside a sentence, not overlapping.
    taken, spans = [], {}
    for form, typ, ids in sorted(gold, key=lambda g: -len(g[0])):
        for m in re.finditer(form_pattern(form), text):
            a, b = m.span()
            if not any(s <= a and b <= e for s, e in sentences) or any(a < y and x < b for x, y in taken):
                continue
            taken.append((a, b))
            spans[(a, b)] = (form, ids)
    entities = {e["id"]: e for e in table(out, "entities")}
    found = [m for m in table(out, "mentions") if not m["entity_id"].startswith("date.")]
    dates = [m for m in table(out, "mentions") if m["entity_id"].startswith("date.")]
    hit, wrong, false = set(), [], []
    for m in found:
        key = (int(m["start"]), int(m["end"]))
        e = entities[m["entity_id"]]
        if key in spans:
            hit.add(key)
            ids = spans[key][1]
            for field in ("wikidata", "geonames"):
                if e.get(field) and field in ids and e[field] != ids[field]:
                    wrong.append((m["text"], field, e[field], ids[field]))
            if not ids and (e.get("wikidata") or e.get("geonames")):
                pass  # the annotator was not certain of any id: nothing to check
        else:
            false.append(m["text"])
    by_form = collections.defaultdict(list)
    for key, (form, ids) in spans.items():
        by_form[tuple(sorted(ids.items())) or form].append(key)
    found_entities = sum(1 for keys in by_form.values() if any(k in hit for k in keys))
    # Dates are annotated as the set of ISO values an essay names.
    iso = collections.Counter(m["entity_id"][5:] for m in dates)
    bad_dates = sum(n for v, n in iso.items() if v not in gold_dates)
    missed_dates = sum(1 for v in gold_dates if v not in iso)
    linked = sum(1 for m in found if entities[m["entity_id"]].get("wikidata") or entities[m["entity_id"]].get("geonames"))
    return dict(name=name, gold=len(spans), hit=len(hit), entities=len(by_form), found_entities=found_entities,
                wrong=wrong, false=false, found=len(found), linked=linked,
                missed=sorted(spans[k][0] for k in spans if k not in hit),
                dates=len(dates), gold_dates=len(gold_dates), bad_dates=bad_dates, missed_dates=missed_dates, never=[f for f in false if f in never])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=".build/release/scriptorium")
    ap.add_argument("--detail", action="store_true")
    ap.add_argument("--corpus", default=None, help="a folder of NAME.txt and NAME.entities (default Tests/EntityEssays)")
    ap.add_argument("extra", nargs="*", help="further build arguments (after --)")
    args = ap.parse_args()
    global CORPUS
    CORPUS = args.corpus or CORPUS
    names = sorted(f[:-9] for f in os.listdir(CORPUS) if f.endswith(".entities"))
    failed = False
    with tempfile.TemporaryDirectory() as work:
        print(f"{'essay':34} {'mention R':>9} {'entity R':>8} {'P':>6} {'wrong id':>8} {'linked':>6} {'dates P':>7} {'dates R':>7}")
        for name in names:
            r = score(os.path.abspath(args.binary), name, work, args.extra)
            p = (r["found"] - len(r["false"])) / r["found"] if r["found"] else 0.0
            dp = (r["dates"] - r["bad_dates"]) / r["dates"] if r["dates"] else 1.0
            dr = 1 - r["missed_dates"] / r["gold_dates"] if r["gold_dates"] else 1.0
            print(f"{name:34} {r['hit'] / r['gold']:9.2f} {r['found_entities'] / r['entities']:8.2f} {p:6.2f} "
                  f"{len(r['wrong']):8d} {r['linked']:6d} {dp:7.2f} {dr:7.2f}")
            if args.detail:
                print("   missed:", ", ".join(r["missed"]))
                print("   not gold:", ", ".join(r["false"]))
                for w in r["wrong"]:
                    print("   WRONG ID:", w)
            failed |= bool(r["wrong"]) or bool(r["never"])
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
