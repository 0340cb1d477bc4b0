#!/usr/bin/env bash
# make publish-check: checks a built dataset as a repository, a search engine and a reader would see it.
#   - RO-Crate: rocrate-validator (roc-validator from PyPI), profile ro-crate-1.1: no REQUIRED issue; the
#     RECOMMENDED level is reported, not failed;
#   - HTML: every page parsed by html5lib in strict mode (any parse error fails);
#   - the landing page's embedded JSON-LD and data/dataset.jsonld parse (rdflib) to isomorphic graphs;
#   - headless Chromium (Debian's package) renders index.html and one reading view, served from the bag on
#     127.0.0.1, and fails when the page makes any request but for itself; the screenshots are kept.
# Installs what is missing: the pinned Python packages with pip, chromium with apt-get (needs root).
# Usage: Tests/Publish/publish-check.sh [OUTPUT]   (default: output)
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT="${1:-output}"
[ -f "$OUT/data/ro-crate-metadata.json" ] || { echo "publish-check: $OUT is not a built dataset (run make first)" >&2; exit 1; }

PY_PACKAGES="roc-validator==0.13.0 html5lib==1.1 rocrate==0.16.0"
if ! python3 -c 'import rocrate_validator, html5lib, rocrate, rdflib' 2>/dev/null; then
  echo "publish-check: installing $PY_PACKAGES"
  python3 -m pip install -q $PY_PACKAGES
fi
if ! command -v chromium >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "publish-check: installing chromium (Debian)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
  else
    echo "publish-check: needs chromium; run: sudo apt-get install -y chromium" >&2
    exit 1
  fi
fi
exec python3 Tests/Publish/publish_check.py "$OUT" --screenshots "${PUBLISH_SCREENSHOTS:-.build/publish-check}"
