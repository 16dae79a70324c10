"""The modem caller-ID parser: bytes and the time in, call events out.

Sans-I/O, like h11: no port, no thread, no clock. The transport feeds what the
modem sent with the time it read it (``feed``) and calls ``tick`` now and then,
so that a call whose rings stopped can end.

How calls are cut out of the stream:

- A ``RING`` opens a call when none is in progress; later rings add to it.
  Caller ID that comes before any ring (France, the UK) opens the call too, and
  the rings that follow join it; in North America it comes between the first
  and the second ring.
- ``CallerId`` is emitted as soon as the number, or why it is absent, is known;
  a field that comes later (a NAME after the NMBR) emits a second ``CallerId``
  with the same key and all the current values.
- A call that reaches its second ring with no caller ID at all gets
  ``CallerId(number=None, presentation=UNAVAILABLE)``: the switchboard still
  journals it.
- Once a call has had its caller ID and rung again, a new caller-ID record is a
  new call, unless it repeats the same number (GSM modems repeat ``+CLIP``
  after every ``RING``).
- When nothing has come for longer than ``RING_CYCLE`` the call is over:
  ``Ended(outcome=None)``; a modem cannot tell answered from missed.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from telephony.events import CallerId, Ended, Event, Presentation, Ring
from telephony.modem.dialects import FieldsLine, RejectedLine, RingLine, read_line
from telephony.modem.lines import MAX_LINE_CHARS, ModemLines

#: How long the line may stay quiet before a ringing call is over. Ring
#: cadences are 3 s in the UK (0.4 on, 0.2 off, 0.4 on, 2 off), 5 s in France
#: (1.5 on, 3.5 off), 6 s in North America (2 on, 4 off) and up to 6 s elsewhere;
#: the modem reports each ring when it starts. 8 s is the longest cadence plus
#: 2 s for a caller-ID burst sent before the first ring and for serial and
#: scheduling jitter, so a call still ringing is never cut in two.
RING_CYCLE = timedelta(seconds=8)


@dataclass(frozen=True, slots=True)
class _Record:
    """Caller-ID fields gathered so far for one call."""

    number: str | None = None
    presentation: Presentation | None = None
    name: str | None = None
    date: str | None = None
    time: str | None = None

    @property
    def has_number(self) -> bool:
        """Whether the number, or why it is absent, is known."""
        return self.presentation is not None

    def merge(self, line: FieldsLine) -> _Record:
        record = self
        if line.presentation is not None and not (line.dialable and record.number):
            record = replace(record, number=line.number, presentation=line.presentation)
        if line.name is not None:
            record = replace(record, name=line.name)
        if line.date is not None:
            record = replace(record, date=line.date)
        if line.time is not None:
            record = replace(record, time=line.time)
        return record

    def absorb(self, other: _Record) -> _Record:
        """This record with what ``other`` adds (a repeated caller-ID record)."""
        line = FieldsLine(other.number, other.presentation, other.name, other.date, other.time)
        return self.merge(line)


@dataclass(slots=True)
class _Call:
    key: str
    last_activity: datetime
    record: _Record
    rings: int = 0
    emitted: CallerId | None = None
    #: A ring came after the caller ID: a different record now is a new call.
    closed: bool = False


class ModemParser:
    """Turn what a modem prints into ``Ring``, ``CallerId`` and ``Ended`` events."""

    def __init__(self, key_prefix: str = "modem", max_line: int = MAX_LINE_CHARS) -> None:
        self._lines = ModemLines(max_line)
        self._keys = (f"{key_prefix}-{n}" for n in itertools.count(1))
        self._call: _Call | None = None
        # A record that began after the current call closed; it becomes a new
        # call, or a repeat of the current one, once its number is known.
        self._pending: _Record | None = None
        #: Hex messages rejected (bad checksum, bad lengths): line-quality diagnostics.
        self.rejected_messages = 0

    @property
    def buffered(self) -> int:
        """Bytes of an unfinished line held; bounded by ``max_line``."""
        return self._lines.buffered

    @property
    def dropped_lines(self) -> int:
        """Lines dropped for being longer than any caller-ID line can be."""
        return self._lines.dropped_lines

    def feed(self, data: bytes, now: datetime) -> list[Event]:
        """Take bytes read from the modem at ``now``; return the events they complete."""
        events: list[Event] = []
        for line in self._lines.feed(data):
            report = read_line(line)
            if isinstance(report, RingLine):
                self._ring(now, events)
            elif isinstance(report, FieldsLine):
                self._fields(report, now, events)
            elif isinstance(report, RejectedLine):
                # Never guess a number from a corrupted message: if no good
                # record follows, the second ring reports the call unavailable.
                self.rejected_messages += 1
        return events

    def tick(self, now: datetime) -> list[Event]:
        """End the call when the line has been quiet for a ring cycle."""
        call = self._call
        if call is None or now - call.last_activity <= RING_CYCLE:
            return []
        return self._end(now)

    def line_lost(self, now: datetime) -> list[Event]:
        """The port closed: drop the partial line and end the call in progress."""
        self._lines.clear()
        return self._end(now) if self._call is not None else []

    # -- rings and fields ---------------------------------------------------

    def _ring(self, now: datetime, events: list[Event]) -> None:
        if self._pending is not None:
            # A record without a number yet, then a ring: the record belonged
            # to the next call, whose caller ID came before its first ring.
            call = self._open(self._pending, now, events)
        elif self._call is None:
            call = self._open(_Record(), now, events)
        else:
            call = self._call
        call.rings += 1
        call.last_activity = now
        if call.emitted is not None:
            call.closed = True
        events.append(Ring(call.key, now))
        if call.rings >= 2 and call.emitted is None:
            self._emit(call, now, events, absent=Presentation.UNAVAILABLE)

    def _fields(self, line: FieldsLine, now: datetime, events: list[Event]) -> None:
        call = self._call
        if call is None:
            call = self._open(_Record(), now, events)
        call.last_activity = now
        if not call.closed and self._pending is None:
            call.record = call.record.merge(line)
            if call.record.has_number or call.emitted is not None:
                self._emit(call, now, events)
            return
        self._pending = (self._pending or _Record()).merge(line)
        if not self._pending.has_number:
            return
        pending, self._pending = self._pending, None
        same = (pending.number, pending.presentation) == (
            call.record.number,
            call.record.presentation,
        )
        if same:
            call.record = call.record.absorb(pending)
            self._emit(call, now, events)
        else:
            self._emit(self._open(pending, now, events), now, events)

    # -- calls ----------------------------------------------------------------

    def _open(self, record: _Record, now: datetime, events: list[Event]) -> _Call:
        if self._call is not None:
            events.extend(self._end(now))
        self._pending = None
        self._call = _Call(next(self._keys), now, record)
        return self._call

    def _emit(
        self,
        call: _Call,
        now: datetime,
        events: list[Event],
        absent: Presentation | None = None,
    ) -> None:
        record = call.record
        presentation = record.presentation or absent or Presentation.UNAVAILABLE
        event = CallerId(
            call.key,
            now,
            record.number,
            record.name,
            presentation,
            record.date,
            record.time,
        )
        previous = call.emitted
        if previous is not None and replace(previous, at=now) == event:
            return  # a repeat that adds nothing
        call.emitted = event
        events.append(event)

    def _end(self, now: datetime) -> list[Event]:
        call, self._call = self._call, None
        self._pending = None
        if call is None:
            return []
        events: list[Event] = []
        if call.emitted is None:
            if call.rings == 0 and not call.record.has_number:
                # Stray fields with no number and no ring: noise, not a call.
                return []
            self._emit(call, now, events, absent=Presentation.UNAVAILABLE)
        events.append(Ended(call.key, now))
        return events
