"""The modem set-up dialogue and the forgotten-caller-ID watch, without a port."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from telephony.events import CallerId, Ended, Presentation, Ring
from telephony.modem.profiles import CallerIdWatch, InitDialogue, country_code, detect_chipset

Modem = Callable[[str], list[str]]
T0 = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


def scripted_modem(identity: dict[str, str], refuses: frozenset[str] = frozenset()) -> Modem:
    """Answers like a modem: identification text then OK, ERROR for ``refuses``."""

    def answer(command: str) -> list[str]:
        if command in refuses:
            return ["ERROR"]
        return [*identity.get(command, "").splitlines(), "OK"]

    return answer


def converse(dialogue: InitDialogue, modem: Modem, echo: bool = False) -> list[str]:
    """Run the dialogue to its end; return the commands it sent."""
    sent = [dialogue.start()]
    while not dialogue.done:
        command = None
        lines = ([sent[-1]] if echo else []) + modem(sent[-1])
        for line in lines:
            command = dialogue.receive(line) or command
        assert command is not None or dialogue.done, f"stuck after {sent[-1]}"
        if command is not None:
            sent.append(command)
        assert len(sent) < 30
    return sent


CONEXANT = {"ATI3": "CX93001-EIS_V0.2002-V92", "AT+GMI": "CONEXANT"}


def test_auto_profile_detects_conexant_and_enables_vcid() -> None:
    dialogue = InitDialogue(country="FR")
    sent = converse(dialogue, scripted_modem(CONEXANT))
    assert sent == ["ATZ", "ATE0", "ATI", "ATI3", "AT+GMI", "AT+GCI=3D", "AT+VCID=1"]
    assert dialogue.chipset is not None and dialogue.chipset.name == "conexant"
    assert dialogue.caller_id_command == "AT+VCID=1"


def test_next_caller_id_command_is_tried_after_error() -> None:
    dialogue = InitDialogue(country="US")
    sent = converse(dialogue, scripted_modem(CONEXANT, refuses=frozenset({"AT+VCID=1"})))
    assert sent[-3:] == ["AT+GCI=B5", "AT+VCID=1", "AT#CID=1"]
    assert dialogue.caller_id_command == "AT#CID=1"


def test_echo_before_ate0_is_not_taken_as_an_answer() -> None:
    dialogue = InitDialogue()
    sent = converse(dialogue, scripted_modem(CONEXANT), echo=True)
    assert sent[:3] == ["ATZ", "ATE0", "ATI"]
    assert dialogue.chipset is not None and dialogue.chipset.name == "conexant"


def test_gsm_module_gets_clip_and_no_country() -> None:
    dialogue = InitDialogue(country="FR")
    sent = converse(dialogue, scripted_modem({"AT+GMI": "Quectel"}))
    assert sent[-1] == "AT+CLIP=1"
    assert not any(command.startswith("AT+GCI") for command in sent)


def test_fax_modem_without_gmi_is_asked_fmi() -> None:
    dialogue = InitDialogue()
    modem = scripted_modem({"AT+FMI": "U.S. Robotics"}, refuses=frozenset({"AT+GMI"}))
    sent = converse(dialogue, modem)
    assert "AT+FMI" in sent
    assert dialogue.chipset is not None and dialogue.chipset.name == "usrobotics"


def test_hayes_profile_skips_detection_and_uses_ccid_first() -> None:
    dialogue = InitDialogue(profile="hayes", country="UK")
    sent = converse(dialogue, scripted_modem({}))
    assert sent == ["ATZ", "ATE0", "AT+GCI=B4", "AT%CCID=1"]


def test_unknown_chipset_tries_every_command_until_one_works() -> None:
    dialogue = InitDialogue()
    refuses = frozenset({"AT+VCID=1", "AT#CID=1", "AT%CCID=1"})
    sent = converse(dialogue, scripted_modem({"ATI": "56000"}, refuses=refuses))
    assert sent[-4:] == ["AT+VCID=1", "AT#CID=1", "AT%CCID=1", "AT*ID1"]
    assert dialogue.caller_id_command == "AT*ID1"


def test_no_caller_id_command_accepted_is_said() -> None:
    dialogue = InitDialogue(profile="gsm")
    converse(dialogue, scripted_modem({}, refuses=frozenset({"AT+CLIP=1"})))
    assert dialogue.caller_id_command is None
    assert any("only rings" in note for note in dialogue.notes)


def test_init_string_replaces_the_sequence() -> None:
    dialogue = InitDialogue(country="FR", init=("AT&F", "AT+FCLASS=8", "AT+VCID=2"))
    sent = converse(dialogue, scripted_modem({}))
    assert sent == ["AT&F", "AT+FCLASS=8", "AT+VCID=2"]
    assert dialogue.caller_id_command == "AT+VCID=2"


def test_silent_modem_times_out_each_command_and_finishes() -> None:
    dialogue = InitDialogue(profile="conexant")
    sent = [dialogue.start()]
    while not dialogue.done:
        command = dialogue.timed_out()
        if command is not None:
            sent.append(command)
    assert sent == ["ATZ", "ATE0", "AT+VCID=1", "AT#CID=1"]
    assert "no answer to ATZ" in dialogue.notes


def test_ring_during_init_is_not_part_of_the_answer() -> None:
    dialogue = InitDialogue()
    dialogue.start()
    dialogue.receive("OK")  # ATZ
    dialogue.receive("OK")  # ATE0
    assert dialogue.receive("RING") is None
    assert dialogue.receive("CONEXANT") is None
    assert dialogue.receive("OK") == "ATI3"


def test_unknown_profile_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown modem profile"):
        InitDialogue(profile="nokia-3310")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("CX93001-EIS_V0.2002-V92", "conexant"),
        ("U.S. Robotics 56K FAX USB V1.2.23", "usrobotics"),
        ("LT Win Modem", "agere"),
        ("Quectel EC25", "gsm"),
        ("56000", "generic"),
    ],
)
def test_chipset_is_detected_from_identification(text: str, name: str) -> None:
    assert detect_chipset(text).name == name


@pytest.mark.parametrize(
    ("country", "code"), [("FR", "3D"), ("us", "B5"), ("UK", "B4"), ("GB", "B4"), ("XX", None)]
)
def test_country_codes_follow_t35(country: str, code: str | None) -> None:
    assert country_code(country) == code


def call(key: str, number: str | None, presentation: Presentation) -> list:
    return [Ring(key, T0), CallerId(key, T0, number, None, presentation), Ended(key, T0)]


def bare_call(key: str) -> list:
    return call(key, None, Presentation.UNAVAILABLE)


def observe(watch: CallerIdWatch, events: list) -> bool:
    return any([watch.observe(event) for event in events])


def test_caller_id_is_sent_again_after_two_bare_calls() -> None:
    watch = CallerIdWatch()
    assert not observe(watch, call("modem-1", "0536490123", Presentation.AVAILABLE))
    assert not observe(watch, bare_call("modem-2"))
    assert observe(watch, bare_call("modem-3"))
    assert not observe(watch, bare_call("modem-4"))


def test_line_that_never_had_caller_id_is_left_alone() -> None:
    watch = CallerIdWatch()
    assert not any(observe(watch, bare_call(f"modem-{n}")) for n in range(5))


def test_withheld_numbers_count_as_caller_id() -> None:
    watch = CallerIdWatch()
    observe(watch, call("modem-1", "0536490123", Presentation.AVAILABLE))
    assert not observe(watch, call("modem-2", None, Presentation.PRIVATE))
    assert not observe(watch, bare_call("modem-3"))
    assert not observe(watch, call("modem-4", None, Presentation.PRIVATE))
    assert not observe(watch, bare_call("modem-5"))
