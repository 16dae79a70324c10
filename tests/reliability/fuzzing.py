"""A small mutational fuzzer: recorded inputs, mutated with a seeded ``random.Random``.

Byte flips, insertions of bytes and of tokens the parsers care about,
deletions, truncations, duplications and splices of two recorded inputs. The
same seed gives the same inputs, so a failure is reproduced by its index.
"""

from __future__ import annotations

import random
import time
import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import dataclass

#: Bytes that change how a line-based or header-based parser cuts its input.
TOKENS = (
    b"\r\n", b"\n", b"\r", b";", b":", b"=", b",", b" ", b"\x00", b"\x10", b"\xff", b"\\",
    b"RING\r\n", b"NMBR = ", b"NAME = ", b"DATE = ", b"+CLIP: \"", b"\r\n\r\n",
    b"Content-Length: 99999\r\n", b"l: -1\r\n", b"From: ", b"Via: SIP/2.0/UDP x;branch=",
    b"CSeq: 1 INVITE\r\n", b"BEGIN:VCARD\r\n", b"END:VCARD\r\n", b"TEL;TYPE=CELL:",
    b"\"", b"\xc3\xa9", b"\xef\xbb\xbf", b"0536490123", b"+33", b"DISCONNECT;", b"RING;",
)
#: The largest input made: the biggest recorded vector plus room to grow, and
#: past the parsers' line and message bounds now and then.
MAX_INPUT = 70 * 1024


class Mutator:
    def __init__(self, corpus: list[bytes], seed: int, long_runs: float = 0.02) -> None:
        self.corpus = corpus
        self.rng = random.Random(seed)
        #: Share of mutations that insert a long run (thousands of bytes).
        self.long_runs = long_runs

    def one(self) -> bytes:
        rng = self.rng
        data = bytearray(rng.choice(self.corpus))
        for _ in range(rng.randint(1, 4)):
            choice = rng.randrange(8)
            at = rng.randint(0, len(data))
            if choice == 0 and data:  # flip bits of one byte
                i = rng.randrange(len(data))
                data[i] ^= 1 << rng.randrange(8)
            elif choice == 1:  # a random byte
                data[at:at] = bytes([rng.randrange(256)])
            elif choice == 2:  # a token that matters
                data[at:at] = rng.choice(TOKENS)
            elif choice == 3 and data:  # delete a range
                data[at:at + rng.randint(1, 16)] = b""
            elif choice == 4:  # truncate
                del data[at:]
            elif choice == 5 and data:  # duplicate a chunk
                start = rng.randrange(len(data))
                data[at:at] = data[start:start + rng.randint(1, 64)]
            elif choice == 6:  # splice with another recorded input
                other = rng.choice(self.corpus)
                data = data[:at] + other[rng.randint(0, len(other)):]
            elif rng.random() < self.long_runs:  # rarely: a long run, past every bound
                data[at:at] = rng.choice(TOKENS[:12]) * rng.randint(500, 9000)
        return bytes(data[:MAX_INPUT])

    def inputs(self, count: int) -> Iterator[bytes]:
        for _ in range(count):
            yield self.one()


@dataclass(frozen=True)
class FuzzRun:
    target: str
    inputs: int
    seconds: float
    peak_bytes: int
    expected_errors: int  # the documented protocol errors raised (and caught)

    def line(self) -> str:
        return (f"fuzz {self.target:<18} {self.inputs:>7} inputs  {self.seconds:6.1f} s  "
                f"peak {self.peak_bytes / 1024:8.0f} KiB  protocol errors {self.expected_errors}")


def fuzz(target: str, inputs: Iterator[bytes], feed: Callable[[bytes], object],
         expected: tuple[type[BaseException], ...] = ()) -> FuzzRun:
    """Feed every input; any exception other than ``expected`` fails with the input."""
    count = errors = 0
    tracemalloc.start()
    started = time.perf_counter()
    try:
        for count, data in enumerate(inputs, start=1):  # noqa: B007 - count is the total
            try:
                feed(data)
            except expected:
                errors += 1
            except Exception as exc:
                raise AssertionError(
                    f"{target}: input #{count} raised {exc!r}: {data[:300]!r}") from exc
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return FuzzRun(target, count, time.perf_counter() - started, peak, errors)
