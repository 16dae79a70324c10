"""Who gets through: a pure decision from the caller, their card and the mode.

Normal days, everyone pops. On a busy day ("priority"), only callers under
contract and those marked "always" pop; everyone else goes to the voicemail
queue and is called back later. When the office is closed, everyone does.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from customscreen.contacts import Caller
from telephony.events import Presentation


class Mode(StrEnum):
    NORMAL = "normal"
    PRIORITY = "priority"  # the busy day
    CLOSED = "closed"


class Action(StrEnum):
    POP = "pop"
    DIVERT = "divert"
    BLOCK = "block"


@dataclass(frozen=True)
class Decision:
    action: Action
    #: A stable code the desk translates ("contract_active", …).
    code: str
    #: The same reason in plain English, for logs, JSON and the journal.
    reason: str


def decide(caller: Caller | None, presentation: Presentation, mode: Mode) -> Decision:
    """What to do with a call. ``caller`` is the known contact, if any."""
    if caller is not None and caller.blocked:
        return Decision(Action.BLOCK, "blocked", f"{caller.name} is on the blocked list")
    if mode is Mode.CLOSED:
        return Decision(Action.DIVERT, "closed", "The office is closed: sent to voicemail")
    if mode is Mode.NORMAL:
        if caller is None:
            if presentation is not Presentation.AVAILABLE:
                return Decision(Action.POP, "withheld", "Number withheld by the caller")
            return Decision(Action.POP, "unknown", "Unknown number")
        return Decision(Action.POP, "known", f"Known caller: {caller.name}")
    # The busy day.
    if caller is None:
        if presentation is not Presentation.AVAILABLE:
            return Decision(
                Action.DIVERT, "priority_withheld",
                "Busy day: withheld number sent to voicemail",
            )
        return Decision(
            Action.DIVERT, "priority_unknown", "Busy day: unknown caller sent to voicemail"
        )
    if caller.always:
        return Decision(Action.POP, "always", f"{caller.name} always gets through")
    if caller.contract == "active":
        return Decision(Action.POP, "contract_active", f"{caller.name} is under contract")
    if caller.contract == "expired":
        return Decision(
            Action.DIVERT, "priority_expired",
            f"Busy day: {caller.name}'s contract has expired, sent to voicemail",
        )
    return Decision(
        Action.DIVERT, "priority_no_contract",
        f"Busy day: {caller.name} has no contract, sent to voicemail",
    )
