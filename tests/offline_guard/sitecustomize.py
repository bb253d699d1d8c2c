"""Network guard for the offline tests: loaded by every Python process that has this folder on PYTHONPATH.

Any attempt to resolve a host name or open an internet socket raises
:class:`NetworkBlockedError` and is written to the file named by
``EXOCARGO_OFFLINE_GUARD_LOG``, as is each process that loads the guard, so a
test can show both that the guard was active and that nothing tried the network.
Local (AF_UNIX) sockets stay allowed: process pools talk through them.
"""

import os
import socket
import sys

GUARD_LOG = os.environ.get("EXOCARGO_OFFLINE_GUARD_LOG", "")


class NetworkBlockedError(OSError):
    """Raised instead of any network access while the guard is loaded."""


def _note(event: str, detail: str = "") -> None:
    if GUARD_LOG:
        with open(GUARD_LOG, "a", encoding="utf-8") as log:
            log.write(f"{event}\t{os.getpid()}\t{detail}\t{' '.join(sys.argv)[:300]}\n")


def _refuse(what: str) -> None:
    _note("blocked", what)
    raise NetworkBlockedError(f"network access blocked by tests/offline_guard: {what}")


def _guard_method(name: str) -> None:
    original = getattr(socket.socket, name)

    def guarded(self, address, *args):
        if self.family == getattr(socket, "AF_UNIX", None):
            return original(self, address, *args)
        _refuse(f"socket.{name}({address!r})")

    setattr(socket.socket, name, guarded)


def _guard_function(name: str) -> None:
    def guarded(*args, **kwargs):
        _refuse(f"socket.{name}{args!r}")

    setattr(socket, name, guarded)


for _method in ("connect", "connect_ex", "sendto"):
    _guard_method(_method)
for _function in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "create_connection"):
    _guard_function(_function)
_note("loaded")
