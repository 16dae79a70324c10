"""The bounded line splitter the modem and the FRITZ!Box share: bytes in, lines out."""

from __future__ import annotations

import pytest

from telephony.lines import LineSplitter
from telephony.modem.lines import MAX_LINE_CHARS, ModemLines


@pytest.mark.parametrize("end", [b"\r\n", b"\n", b"\r", b"\n\r", b"\r\n\r\n"])
def test_every_kind_of_line_end_ends_a_line(end: bytes) -> None:
    splitter = LineSplitter(80)
    assert splitter.feed(b"RING" + end + b"NMBR = 0536490123" + end) == [
        b"RING", b"NMBR = 0536490123"]
    assert splitter.buffered == 0


def test_a_line_split_across_reads_comes_out_whole_once_it_ends() -> None:
    splitter = LineSplitter(80)
    assert splitter.feed(b"22.11.26 10:21:37;RI") == []
    assert splitter.buffered == len(b"22.11.26 10:21:37;RI")
    assert splitter.feed(b"NG;0;0536490123;") == []
    assert splitter.feed(b"\r") == [b"22.11.26 10:21:37;RING;0;0536490123;"]
    assert splitter.feed(b"\nRING\r\nNM") == [b"RING"]  # the LF of a CRLF split in two
    assert splitter.feed(b"BR = 1\n") == [b"NMBR = 1"]


def test_blank_lines_are_dropped() -> None:
    assert LineSplitter(80).feed(b"\r\n\r\n\n\rRING\r\n\r\n") == [b"RING"]


def test_a_line_of_exactly_the_bound_is_kept() -> None:
    splitter = LineSplitter(10)
    assert splitter.feed(b"x" * 10 + b"\n") == [b"x" * 10]
    assert splitter.dropped_lines == 0


def test_a_longer_line_is_dropped_whole_counted_and_never_buffered() -> None:
    splitter = LineSplitter(10)
    assert splitter.feed(b"x" * 6) == []
    assert splitter.feed(b"y" * 6) == []  # 12 bytes: over the bound, dropped now
    assert splitter.buffered == 0 and splitter.dropped_lines == 1
    for _ in range(1000):  # a peer that never sends a newline
        splitter.feed(b"z" * 4096)
        assert splitter.buffered <= 10
    assert splitter.dropped_lines == 1  # one line, however long
    # Its tail is not a line of its own; the next line is read normally.
    assert splitter.feed(b"tail\nRING\n") == [b"RING"]


def test_clear_forgets_half_a_line_and_an_overlong_one() -> None:
    splitter = LineSplitter(10)
    splitter.feed(b"half")
    splitter.clear()
    assert splitter.feed(b"RING\n") == [b"RING"]
    splitter.feed(b"x" * 20)
    splitter.clear()
    assert splitter.feed(b"RING\n") == [b"RING"]


def test_a_bound_below_one_byte_is_refused() -> None:
    with pytest.raises(ValueError):
        LineSplitter(0)


def test_modem_lines_decode_and_drop_shielded_codes_and_controls() -> None:
    lines = ModemLines()
    assert lines.feed(b"\x10RRI") == []
    assert lines.feed(b"NG\x10") == []  # a DLE at the end shields the next read's first byte
    assert lines.feed(b"X\r\nNAME = CAF\xc9\x07\r\n \t \r\n") == ["RING", "NAME = CAF\u00c9"]
    lines.feed(b"x" * (MAX_LINE_CHARS + 1))
    assert lines.buffered == 0 and lines.dropped_lines == 1
