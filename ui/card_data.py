"""What a caller card shows, gathered from a live call or from the journal."""

from __future__ import annotations

from dataclasses import dataclass

from customscreen import contacts
from customscreen.calls import callbacks, journal
from customscreen.calls.callbacks import Callback
from customscreen.calls.journal import CallRecord
from customscreen.calls.switchboard import CallView
from customscreen.contacts import Caller, Contact, numbers
from customscreen.storage.store import Store

#: What the desk knows a card by: the call's journal id, or for a call the journal
#: could not take yet, its source and moment.
CardKey = int | tuple[str, str]


@dataclass(frozen=True)
class CardCall:
    """One call as its card needs it, whichever way it came in."""

    call_id: int | None  # the call's identity, the journal's row id
    source: str
    started_at: str  # ISO, whole seconds: the same for the live call and its journal row
    number: str | None  # E.164
    display_number: str
    network_name: str | None
    caller: Caller | None
    action: str  # pop / divert / block
    code: str  # routing's stable reason code, which the card translates
    reason: str  # what a person wrote about the call, shown as written
    place: str
    line_type: str
    country: str  # ISO code of a foreign or unplaced number, for its name
    withheld: bool

    @property
    def name(self) -> str:
        return self.caller.name if self.caller else (self.network_name or "")

    @property
    def key(self) -> CardKey:
        """The call's identity. Only while a full disk keeps the call out of the
        journal (no id yet) is the card known by its source and moment instead."""
        return self.call_id if self.call_id is not None else (self.source, self.started_at)

    def same_call(self, other: CardCall) -> bool:
        """Whether ``other`` is this call, perhaps now journaled while this card
        was popped without an id."""
        if self.call_id is not None and other.call_id is not None:
            return self.call_id == other.call_id
        return (self.source, self.started_at) == (other.source, other.started_at)


def _foreign(country: str, region: str) -> str:
    """The country worth naming: none for a number of the office's own country."""
    return "" if country == region.upper() else country


def from_view(view: CallView, region: str) -> CardCall:
    return CardCall(
        call_id=view.id,
        source=view.source,
        started_at=view.at.isoformat(timespec="seconds"),
        number=view.number,
        display_number=view.display_number,
        network_name=view.network_name,
        caller=view.caller,
        action=view.decision.action.value,
        code=view.decision.code,
        reason="",  # a ringing call: nobody has written anything yet
        place=view.hint.place,
        line_type=view.hint.line_type,
        country=_foreign(view.hint.country, region),
        withheld=view.presentation.value != "available",
    )


def from_record(store: Store, record: CallRecord, region: str) -> CardCall:
    """A journaled call's card, e.g. opened from the voicemail queue."""
    caller = contacts.find_caller(store, record.number)
    hint = numbers.hint(record.number) if caller is None else numbers.NumberHint("", "")
    return CardCall(
        call_id=record.id,
        source=record.source,
        started_at=record.started_at,
        number=record.number,
        display_number=numbers.display(record.number, region, record.raw_number),
        network_name=record.network_name,
        caller=caller,
        action=record.decision,
        code=record.reason_code,
        reason=record.reason,
        place=hint.place,
        line_type=hint.line_type,
        country=_foreign(hint.country, region),
        withheld=record.presentation != "available",
    )


@dataclass(frozen=True)
class CardDetails:
    """What the card reads from the journal about a known caller."""

    contact: Contact | None
    recent: list[CallRecord]
    open_callbacks: list[Callback]


def details(store: Store, card: CardCall) -> CardDetails:
    if card.caller is None:
        return CardDetails(None, [], [])
    contact = contacts.get(store, card.caller.id)
    recent = [r for r in journal.recent_for_contact(store, card.caller.id, limit=6)
              if r.id != card.call_id][:5]
    return CardDetails(contact, recent, callbacks.for_contact(store, card.caller.id))
