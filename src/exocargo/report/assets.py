"""CSS and JavaScript inlined into every HTML report (ours, in ``report/static/``; no CDN, no request).

The script makes tables sortable (click a header; numbers sort by their
``data-value``), filterable (a text box) and lets the reader show rows marked
``data-significant="0"``. The page's Content-Security-Policy allows exactly
this script by its sha256, so nothing else can run, even if a value ever
escaped the HTML escaping.
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

STATIC = Path(__file__).resolve().parent / "static"

STYLE = (STATIC / "report.css").read_text(encoding="utf-8")

SCRIPT = (STATIC / "report.js").read_text(encoding="utf-8")


def script_hash() -> str:
    """The CSP source expression that allows :data:`SCRIPT` and nothing else."""
    digest = hashlib.sha256(SCRIPT.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy() -> str:
    """No fetches at all: inline styles, data: images and our one script."""
    return (
        "default-src 'none'; "
        f"script-src {script_hash()}; "
        "style-src 'unsafe-inline'; "
        "img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
