"""What every caller-ID source offers the switchboard, and opening one from its URL.

A source owns its transport (a serial port, a socket, a script) and runs it in
its own thread; it hands events to ``emit`` from that thread. The switchboard
may answer back through ``divert`` while it handles an event, synchronously, so
that a SIP user agent can still send 302 instead of 180.
"""

from __future__ import annotations

import importlib
import re
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable
from datetime import datetime
from urllib.parse import SplitResult, urlsplit

from telephony.events import Event

Emit = Callable[[Event], None]
Clock = Callable[[], datetime]


def local_now() -> datetime:
    """The wall clock with the local UTC offset: what the journal records."""
    return datetime.now().astimezone()


class SourceError(ValueError):
    """A source URL that cannot be opened: the message says which and why."""


class Source(ABC):
    """Base of all sources. Subclasses set ``kind`` and implement start/stop."""

    kind = "source"
    #: True when this line can send a caller elsewhere (SIP can, a modem cannot).
    can_divert = False

    def __init__(self, url: str) -> None:
        self.url = url
        #: Set when a finite source (a replay, a demo script) has nothing more to send.
        self.finished = threading.Event()

    @abstractmethod
    def start(self, emit: Emit) -> None:
        """Start the transport in its own thread; events go to ``emit``."""

    @abstractmethod
    def stop(self) -> None:
        """Stop the transport and wait for its thread; idempotent."""

    def divert(self, key: str, action: str) -> bool:
        """Send the call ``key`` away. ``action`` is ``"divert"`` or ``"block"``.

        Returns whether the line did it; a modem only listens, so by default no.
        """
        return False

    def describe(self) -> str:
        """The URL with any password masked, for status lines and logs."""
        return mask_password(self.url)


#: ``scheme://user:password@``, wherever it stands in a text (``--line=sip://…``), and
#: whatever the password holds that ``urlsplit`` would stop at (a ``/``, an IPv6
#: bracket left open). The password runs to the next ``@``, never past ``?`` or ``#``,
#: so ``sip://pbx:5060?voicemail=sip:*97@pbx`` is left as it is.
_USERINFO = re.compile(r"(?P<head>[A-Za-z][A-Za-z0-9+.-]*://[^:/?#@\s]*):[^@?#\s]*@")


def mask_password(url: str) -> str:
    """``url`` with its password, if any, shown as ``***``: for every message and log.

    ``urlsplit`` first, because it takes a password holding ``@`` as a whole
    (``sip://201:s3c@ret@pbx``); then the pattern, for what ``urlsplit`` misses.
    """
    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:
        password = None
    if password is not None:
        netloc = parts.netloc.replace(f":{password}@", ":***@", 1)
        url = url.replace(parts.netloc, netloc, 1)
    return _USERINFO.sub(r"\g<head>:***@", url)


# scheme -> "module:factory". Imported lazily so that a headless journal on a
# modem never loads the SIP stack, and a broken optional part cannot stop the rest.
_FACTORIES = {
    "demo": "telephony.simulator:open_url",
    "modem": "telephony.modem.transport:open_url",
    "sip": "telephony.sip.agent:open_url",
    "sip-listen": "telephony.sip.agent:open_url",
    "fritzbox": "telephony.fritzbox:open_url",
}


def schemes() -> list[str]:
    return sorted(_FACTORIES)


def parse_url(url: str) -> SplitResult:
    """Split a source URL, or say clearly why it is not one."""
    shown = mask_password(url)  # the password, if any, never in a message
    if not url or ":" not in url:
        raise SourceError(
            f"{shown!r} is not a source URL; expected one of "
            + ", ".join(f"{s}:…" for s in schemes())
        )
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - urlsplit validates the port lazily
    except ValueError as exc:
        raise SourceError(f"{shown!r}: {exc}") from None
    return parts


def open_source(url: str, clock: Clock = local_now) -> Source:
    """Open a source from its URL (``modem:/dev/ttyUSB0``, ``sip-listen://…``, ``demo:``)."""
    shown = mask_password(url)  # the password, if any, never in a message
    parts = parse_url(url)
    target = _FACTORIES.get(parts.scheme.lower())
    if target is None:
        raise SourceError(
            f"{shown!r}: unknown line type {parts.scheme!r}; expected one of "
            + ", ".join(schemes())
        )
    module_name, factory_name = target.split(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise SourceError(f"{shown!r}: the {parts.scheme} line is not available ({exc})") from None
    factory = getattr(module, factory_name)
    return factory(url, clock=clock)
