"""`gradbook serve [--port P] [--out DIR]`: build, serve, rebuild on change."""

import threading
from pathlib import Path

from gradbook.book import ROOT
from gradbook.errors import UsageError
from gradbook.output import check_writable


def run(args) -> str:
    if not 0 <= args.port <= 65535:
        raise UsageError(f"--port must be from 0 to 65535, got {args.port}")
    out = Path(args.out)
    check_writable(out)  # before the first build, which would only show the error in the page
    from gradbook.serve import serve  # imported only when there is work: it pulls in the build

    try:
        serve(out, args.port, ROOT, threading.Event())
    except OSError as exc:
        raise UsageError(f"cannot serve on 127.0.0.1:{args.port}: {exc.strerror or exc}") from None
    except KeyboardInterrupt:
        pass
    return "stopped"
