"""Where calls, cards, routing and the journal meet.

Sources hand events in from their own threads; the switchboard looks the caller
up, asks routing, tells the line to divert, journals the call and tells its
observers (the desk, the JSON printer of ``listen``). Observers are told only
after the journal has the call on disk, so whatever a person has seen is kept.

A call has one identity from here on: its journal row id (``CallView.id``),
the same in the desk's card registry, the Calls tab and every ``listen --json``
line. The line's own key (a modem's counter, a SIP Call-ID, a FRITZ!Box
connection number) stays the line's business: it is mapped to the call once,
here, and journaled as ``source_key`` for the record.

If the journal cannot be written (a full disk, a file locked for too long), the
writes wait in memory, in order, and an alarm goes to the observers; the next
event or ``retry_journal()`` writes them once the disk is back. Until then the
call has no identity yet (``id`` is None), and the notices that follow the
write carry the id it was given.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime

from customscreen import contacts
from customscreen.calls import journal, voicemail
from customscreen.calls.routing import Action, Decision, Mode, decide
from customscreen.contacts import Caller, numbers, text
from customscreen.storage.store import Store, StoreError
from telephony.events import Answered, CallerId, Ended, Event, LineStatus, Outcome, Presentation
from telephony.source import Source

log = logging.getLogger(__name__)

# Calls that ended are remembered this long (by count) so that a retransmitted
# INVITE or a repeated modem record is recognised and never makes a second call.
REMEMBERED_ENDED_CALLS = 512


@dataclass(frozen=True)
class CallView:
    """A call as the desk and ``listen`` show it."""

    id: int | None  # the journal's row id; None while the write waits for the disk
    source: str
    at: datetime  # whole seconds, as the journal keeps it
    number: str | None  # E.164
    raw_number: str | None
    network_name: str | None
    presentation: Presentation
    caller: Caller | None
    decision: Decision
    hint: numbers.NumberHint
    display_number: str

    @property
    def name(self) -> str | None:
        return self.caller.name if self.caller else self.network_name


@dataclass(frozen=True)
class CallAnnounced:
    call: CallView


@dataclass(frozen=True)
class CallUpdated:
    call: CallView
    changed: dict[str, object]


@dataclass(frozen=True)
class CallFinished:
    call: CallView
    outcome: Outcome
    duration_s: int


@dataclass(frozen=True)
class LineChanged:
    source: str
    status: LineStatus


@dataclass(frozen=True)
class JournalAlarm:
    """The journal cannot be written; ``pending`` writes are held in memory."""

    message: str
    pending: int


Notice = CallAnnounced | CallUpdated | CallFinished | LineChanged | JournalAlarm
Observer = Callable[[Notice], None]


@dataclass
class _LiveCall:
    view: CallView
    answered_at: datetime | None = None
    record: dict[str, object] = field(default_factory=dict)


class Switchboard:
    def __init__(self, store: Store, region: str, mode: Mode = Mode.NORMAL,
                 user: str | None = None) -> None:
        self.store = store
        self.region = region
        self.mode = mode
        self.user = user
        self._observers: list[Observer] = []
        self._sources: list[Source] = []
        self._live: dict[tuple[int, str], _LiveCall] = {}
        self._ended: OrderedDict[tuple[int, str], None] = OrderedDict()
        self._pending: deque[Callable[[], None]] = deque()
        self._failing = False
        self._lock = threading.RLock()

    # -- wiring --------------------------------------------------------------

    def add_observer(self, observer: Observer) -> None:
        self._observers.append(observer)

    def attach(self, source: Source) -> None:
        """Start ``source``; its events come to this switchboard."""
        self._sources.append(source)
        source.start(lambda event: self.receive(source, event))

    def stop(self) -> None:
        for source in self._sources:
            source.stop()

    def _notify(self, notice: Notice) -> None:
        for observer in list(self._observers):
            try:
                observer(notice)
            except Exception:
                # The call is journaled already; one broken observer (a closed
                # pipe, a bug in a view) must not stop the line's thread or
                # keep the other observers from hearing of the call.
                log.exception("an observer failed on %s", type(notice).__name__)

    # -- events --------------------------------------------------------------

    def receive(self, source: Source, event: Event) -> None:
        with self._lock:
            if isinstance(event, LineStatus):
                self._notify(LineChanged(source.describe(), event))
                return
            # The line's key, mapped to a live call once: nothing past the
            # switchboard sees it.
            key = (id(source), event.key)
            if key in self._ended:
                # A repeat of a call that is over. Sources give every call its
                # own key (the FRITZ!Box line counts rings, since the box reuses
                # its connection numbers), so a late event never makes a new call.
                return
            live = self._live.get(key)
            if isinstance(event, CallerId):
                if event.name:
                    # A SIP display name or a modem's NAME is the caller's own
                    # text: no override may reverse it on the card or on paper.
                    event = replace(event, name=text.clean(event.name).strip() or None)
                if live is None:
                    self._announce(source, key, event)
                else:
                    self._update(live, event)
            elif isinstance(event, Answered) and live is not None:
                live.answered_at = event.at
                self._answered(live)
            elif isinstance(event, Ended) and live is not None:
                self._finish(key, live, event)
            # A Ring alone is not a call yet: caller ID (or its absence) follows.

    def _announce(self, source: Source, key: tuple[int, str], event: CallerId) -> None:
        e164 = numbers.normalize(event.number, self.region)
        presentation = event.presentation
        if presentation is Presentation.AVAILABLE and event.number is None:
            presentation = Presentation.UNAVAILABLE
        caller = contacts.find_caller(self.store, e164, event.at.date())
        decision = decide(caller, presentation, self.mode)
        if decision.action is not Action.POP:
            source.divert(event.key, decision.action.value)
        # The journal keeps whole seconds (a person reads them, a spreadsheet sorts
        # them, caller ID itself gives minutes); the live call carries the same
        # moment, so the card of a ringing call and its journal row agree.
        at = event.at.replace(microsecond=0)
        view = CallView(
            id=None, source=source.kind, at=at, number=e164, raw_number=event.number,
            network_name=event.name, presentation=presentation, caller=caller,
            decision=decision, hint=numbers.hint(e164) if caller is None else _NO_HINT,
            display_number=numbers.display(e164, self.region, event.number),
        )
        live = _LiveCall(view)
        self._live[key] = live
        record = {
            "source": source.kind, "source_key": event.key,
            "started_at": at.isoformat(timespec="seconds"),
            "raw_number": event.number, "number": e164, "network_name": event.name,
            "presentation": presentation.value,
            "contact_id": caller.id if caller else None,
            # The code, not routing's English sentence: the desk says it in the
            # user's language, and ``reason`` is left for what a person writes.
            "decision": decision.action.value, "reason_code": decision.code,
            # Nobody has taken a call that only rings: the taker is written
            # when it is answered (``_answered``, ``_finish``).
            "network_date": event.network_date, "network_time": event.network_time,
        }

        def write() -> None:
            with self.store.transaction() as conn:
                call_id = journal.open_call(conn, **record)
                if decision.action is Action.DIVERT:
                    voicemail.enqueue(conn, call_id, record["started_at"])  # type: ignore[arg-type]
            live.view = replace(live.view, id=call_id)

        self._journal(write)
        self._notify(CallAnnounced(live.view))

    def _update(self, live: _LiveCall, event: CallerId) -> None:
        changed: dict[str, object] = {}
        view = live.view
        if event.name and event.name != view.network_name:
            changed["network_name"] = event.name
        if event.number and view.raw_number is None:
            e164 = numbers.normalize(event.number, self.region)
            changed.update(raw_number=event.number, number=e164,
                           presentation=Presentation.AVAILABLE.value)
            caller = contacts.find_caller(self.store, e164, event.at.date())
            view = replace(view, raw_number=event.number, number=e164, caller=caller,
                           presentation=Presentation.AVAILABLE,
                           display_number=numbers.display(e164, self.region, event.number))
            if caller is not None:
                changed["contact_id"] = caller.id
        if not changed:
            return
        live.view = view = replace(view, network_name=event.name or view.network_name)

        def write() -> None:
            assert live.view.id is not None
            with self.store.transaction() as conn:
                journal.update_call(conn, live.view.id, **changed)

        self._journal(write)
        self._notify(CallUpdated(live.view, changed))

    def _answered(self, live: _LiveCall) -> None:
        """The person at this desk (``listen --user``) took the call."""
        if self.user is None or live.view.decision.action is not Action.POP:
            return
        user = self.user

        def write() -> None:
            assert live.view.id is not None
            with self.store.transaction() as conn:
                journal.update_call(conn, live.view.id, handled_by=user)

        self._journal(write)

    def _finish(self, key: tuple[int, str], live: _LiveCall, event: Ended) -> None:
        del self._live[key]
        self._ended[key] = None
        while len(self._ended) > REMEMBERED_ENDED_CALLS:
            self._ended.popitem(last=False)
        action = live.view.decision.action
        if action is Action.BLOCK:
            outcome = Outcome.BLOCKED
        elif action is Action.DIVERT:
            outcome = Outcome.DIVERTED
        elif event.outcome is not None:
            outcome = event.outcome
        else:
            outcome = Outcome.ANSWERED if live.answered_at else Outcome.MISSED
        if event.duration_s is not None:
            duration = event.duration_s
        elif live.answered_at is not None:
            duration = max(0, int((event.at - live.answered_at).total_seconds()))
        else:
            duration = 0
        values: dict[str, object] = {
            "ended_at": event.at.isoformat(timespec="seconds"),
            "outcome": outcome.value, "duration_s": duration,
        }
        if outcome is not Outcome.ANSWERED:
            # A note written while it rang named its author; a call nobody
            # answered has no taker all the same.
            values["handled_by"] = None
        elif self.user is not None and live.answered_at is None:
            # The line said "answered" only at the end (a FRITZ!Box, the demo line).
            values["handled_by"] = self.user

        def write() -> None:
            assert live.view.id is not None
            with self.store.transaction() as conn:
                journal.update_call(conn, live.view.id, **values)

        self._journal(write)
        self._notify(CallFinished(live.view, outcome, duration))

    # -- the journal, with a memory when the disk fails ---------------------------

    def _journal(self, write: Callable[[], None]) -> None:
        self._pending.append(write)
        self.retry_journal()

    def retry_journal(self) -> bool:
        """Write what waits; True when nothing is left waiting."""
        with self._lock:
            while self._pending:
                try:
                    self._pending[0]()
                except StoreError as exc:
                    self._failing = True
                    self._notify(JournalAlarm(str(exc), len(self._pending)))
                    return False
                self._pending.popleft()
            self._failing = False
            return True

    @property
    def pending_writes(self) -> int:
        return len(self._pending)

    @property
    def journal_failing(self) -> bool:
        """Writes are held in memory after a failure (not merely in progress)."""
        return self._failing


_NO_HINT = numbers.NumberHint("", "")
