"""rocrate-validator's command line, able to run offline: the RO-Crate JSON-LD context it fetches from
https://w3id.org/ro/crate/… is answered from the copy that the `rocrate` package (ro-crate-py) ships, when, and
only when, it is asked for; every other request goes out as usual. That copy is the newest context (1.3), whose
terms include all of 1.1's with the same IRIs."""
import json
import os
import sys

import requests
import requests.adapters
import rocrate
import rocrate_validator.utils.document_loader as loader

with open(os.path.join(os.path.dirname(rocrate.__file__), "data", "ro-crate.jsonld")) as f:
    CONTEXT = {"@context": json.load(f)["@context"]}


def is_context(url):
    return url.startswith("https://w3id.org/ro/crate/") and url.rstrip("/").endswith("/context")


_fetch = loader._fetch_json_ld
loader._fetch_json_ld = lambda url: CONTEXT if is_context(url) else _fetch(url)
_send = requests.adapters.HTTPAdapter.send


def send(self, request, *args, **kwargs):
    if not is_context(request.url):
        return _send(self, request, *args, **kwargs)
    response = requests.models.Response()
    response.status_code = 200
    response._content = json.dumps(CONTEXT).encode()
    response.headers["Content-Type"] = "application/ld+json"
    response.url, response.request, response.encoding = request.url, request, "utf-8"
    return response


requests.adapters.HTTPAdapter.send = send

from rocrate_validator.cli import cli  # noqa: E402  (after the patches)

sys.argv[0] = "rocrate-validator"
cli()
