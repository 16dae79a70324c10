"""One way to run a line, or any background loop: the thread, the stop, the failures.

:class:`BackgroundLoop` is the thread part, shared by every line and by the
desk's daily chores: a named daemon thread that runs rounds until stopped,
waits between them on the stop event (so ``stop`` is heard at once), and
outlives its own bugs: a round that raises is logged with the loop's name and
the loop goes on after a backoff.

:class:`ThreadedSource` is a line on that loop. It owns the rule that **a
failing observer never stops a line**: every event goes out through
:meth:`ThreadedSource.emit`, which logs what the observer raised, with the
line's name, and carries on. :class:`ReconnectingLine` adds the reconnect loop
of a line that connects to a device (a modem, a FRITZ!Box): subclasses only say
how to connect, how to read once and how to close; the line says ``UP`` when
connected, ``DOWN`` when it loses the device, ``RECONNECTING`` with the reason
and the delay at each attempt while it is away, and ``DOWN`` "stopped" at the end.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TypeVar

from telephony.backoff import Backoff
from telephony.events import Event, LineState, LineStatus
from telephony.source import Clock, Emit, Source, local_now

log = logging.getLogger(__name__)

#: How long ``stop`` waits for the thread. A loop hears the stop event within
#: its longest blocking step: a serial read (0.2 s) or write (2 s), a TCP
#: connect (5 s), or an event handed to the switchboard whose journal write
#: waits out a lock held by another program (the store's 30 s busy timeout), or
#: the daily backup of a large journal. Waiting for that step is what lets the
#: caller close the store right after; a thread still busy after twice the busy
#: timeout is wedged, and since it is a daemon it cannot keep the program alive.
STOP_TIMEOUT_S = 60.0
#: After a round failed unexpectedly (a bug, not a device that went away): try
#: again in a second, so a one-off glitch costs little, doubling up to a minute,
#: so a bug that fails every time neither spins a core nor floods the log.
FAILED_ROUND_FIRST_S = 1.0
FAILED_ROUND_MAX_S = 60.0

T = TypeVar("T")
#: One round of a loop; returns the seconds to wait before the next, or None when done.
Round = Callable[[], float | None]


def notify(observer: Callable[[T], object], value: T, who: str) -> None:
    """Hand ``value`` to ``observer``; what it raises is logged for ``who`` and goes no further."""
    try:
        observer(value)
    except Exception:  # an observer's bug is its own: the line keeps running
        log.exception("%s: an observer failed on %r; carrying on", who, value)


class BackgroundLoop:
    """Run ``round`` in a daemon thread named ``name`` until :meth:`stop`.

    ``interrupt`` is called by ``stop`` to wake a round blocked in I/O (shut a
    socket down); ``on_end`` runs in the thread when it ends, however it ends.
    """

    def __init__(self, name: str, round: Round, *, interrupt: Callable[[], None] | None = None,
                 on_end: Callable[[], None] | None = None) -> None:
        self.name = name
        self._round = round
        self._interrupt = interrupt
        self._on_end = on_end
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``, or until stopped; True when the loop should end."""
        return self._stop.wait(seconds)

    def start(self) -> None:
        if self.running:
            raise RuntimeError(f"{self.name} is already running")
        self._stop.clear()
        self._thread = threading.Thread(target=self._main, name=self.name, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Ask the loop to end and wait for it (at most ``STOP_TIMEOUT_S``); idempotent."""
        self._stop.set()
        if self._interrupt is not None:
            self._interrupt()
        thread = self._thread
        if thread is None or thread is threading.current_thread():
            return
        thread.join(STOP_TIMEOUT_S)
        if thread.is_alive():
            log.warning("%s did not stop within %g s; it ends with the program",
                        self.name, STOP_TIMEOUT_S)

    def _main(self) -> None:
        failures = Backoff(FAILED_ROUND_FIRST_S, FAILED_ROUND_MAX_S)
        try:
            while not self._stop.is_set():
                try:
                    pause = self._round()
                except Exception:  # the loop must outlive any bug of one round
                    pause = failures.next_delay()
                    log.exception("%s failed unexpectedly; trying again in %g s",
                                  self.name, pause)
                else:
                    failures.reset()
                    if pause is None:
                        break
                if self._stop.wait(pause):
                    break
        finally:
            if self._on_end is not None:
                self._on_end()


class ThreadedSource(Source):
    """A source that runs in its own thread; subclasses implement :meth:`run_round`.

    ``start`` calls :meth:`prepare` in the caller's thread (bind a port, and
    raise ``SourceError`` if it cannot), then starts the thread; ``stop`` ends
    the thread, then calls :meth:`release`. ``finished`` is set when the thread
    has ended (a demo script played out, or the line stopped).
    """

    def __init__(self, url: str, clock: Clock = local_now) -> None:
        super().__init__(url)
        self.clock = clock
        self._observer: Emit = _nobody
        self._loop = BackgroundLoop(self.describe(), self.run_round,
                                    interrupt=self.interrupt, on_end=self._thread_ended)

    @property
    def stopping(self) -> bool:
        return self._loop.stopping

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``, or until stopped; True when the line is stopping."""
        return self._loop.wait(seconds)

    def start(self, emit: Emit) -> None:
        self._observer = emit
        self.prepare()
        self._loop.start()

    def stop(self) -> None:
        self._loop.stop()
        self.release()
        self.finished.set()

    def emit(self, event: Event) -> None:
        """Hand ``event`` to the observer; if the observer raises, the line goes on."""
        notify(self._observer, event, self.describe())

    def status(self, state: LineState, detail: str) -> None:
        self.emit(LineStatus(state, self.clock(), detail))

    # -- what subclasses say ---------------------------------------------------------

    def run_round(self) -> float | None:
        """One round of the thread; returns seconds to wait before the next, None when done."""
        raise NotImplementedError

    def prepare(self) -> None:
        """Before the thread starts, in the caller's thread. Nothing by default."""

    def interrupt(self) -> None:
        """Wake a round blocked in I/O once stop was asked. Nothing by default."""

    def release(self) -> None:
        """After the thread ended: give back what ``prepare`` took. Nothing by default."""

    def ended(self) -> None:
        """Last words of the thread, before ``finished`` is set. Nothing by default."""

    def _thread_ended(self) -> None:
        try:
            self.ended()
        finally:
            self.finished.set()


class LineTrouble(Exception):
    """The device cannot be reached or went away; the message says so for the line's status."""


class ReconnectingLine(ThreadedSource):
    """A line to a device that may go away: connect, read until lost, back off, again.

    Subclasses implement :meth:`connect`, :meth:`read_once` and :meth:`close`,
    and raise :class:`LineTrouble` when the device fails; anything else they
    raise is a bug, logged with its traceback, and the line reconnects all the same.
    """

    def __init__(self, url: str, backoff: Backoff, clock: Clock = local_now) -> None:
        super().__init__(url, clock)
        self.backoff = backoff
        self._down = False

    def connect(self) -> None:
        """Open the transport and set the device up; raise ``LineTrouble`` if it cannot."""
        raise NotImplementedError

    def read_once(self) -> list[Event]:
        """Read what is there (blocking briefly) and return the events it completes."""
        raise NotImplementedError

    def close(self) -> None:
        """Close the transport, whatever state it is in; called after every session."""
        raise NotImplementedError

    def lost(self) -> list[Event]:
        """Events the loss of the device completes (a modem ends the ringing call)."""
        return []

    def up_detail(self) -> str:
        return self.describe()

    def run_round(self) -> float | None:
        """One session: connect, read until the device goes; the delay before the next."""
        try:
            self.connect()
            if self.stopping:
                return None
            self._up()
            while not self.stopping:
                for event in self.read_once():
                    self.emit(event)
            return None
        except LineTrouble as exc:
            why = str(exc)
        except Exception as exc:  # a transport's bug must not end the line
            log.exception("%s failed unexpectedly", self.describe())
            why = f"unexpected {type(exc).__name__}: {exc}"
        finally:
            self.close()
        if self.stopping:
            return None
        for event in self.lost():
            self.emit(event)
        return self._retry(why)

    def ended(self) -> None:
        self.status(LineState.DOWN, "stopped")

    def _up(self) -> None:
        self.backoff.reset()
        self._down = False
        self.status(LineState.UP, self.up_detail())

    def _retry(self, why: str) -> float:
        delay = self.backoff.next_delay()
        if not self._down:  # the first failure of an outage: the line went down
            self._down = True
            self.status(LineState.DOWN, why)
        self.status(LineState.RECONNECTING, f"{why}; retrying in {delay:g} s")
        return delay


def _nobody(event: Event) -> None:
    """The observer of a line not started yet."""

