"""A stranger's bytes: 100,000 mutated inputs each for the five parsers that read them.

The inputs are the recorded caller-ID vectors (tests/data/callerid, and
../shared/testdata/callerid when it is there; see tests/vectors.py) and sample
CSV and vCard files, mutated by a seeded fuzzer; the five runs go two at a time
in worker processes. No exception may escape but the documented protocol
error, and tracemalloc's peak must stay under ``PEAK_BOUND``. The figures are
printed in the test output (README, "Reliability").
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

import pytest

from customscreen import contacts
from customscreen.contacts import files as contacts_io
from customscreen.storage.store import Store
from tests.reliability import fuzz_targets
from tests.reliability.fuzzing import FuzzRun, Mutator

INPUTS = 100_000
#: The parsers bound their buffers (64 KiB SIP message, 600-character modem
#: line, 1 KiB call-monitor line, 64 KiB vCard line); 8 MiB leaves room for
#: the fuzzer's own largest input and Python's caches, and catches any growth
#: with the number of inputs (100,000 inputs of even 100 bytes kept would be 10 MB).
PEAK_BOUND = 8 * 1024 * 1024
FULL_IMPORTS = 1_000

pytestmark = pytest.mark.timeout(240)


@pytest.fixture(scope="module")
def runs() -> Iterator[dict[str, Future[FuzzRun]]]:
    with ProcessPoolExecutor(max_workers=2) as pool:
        # The slowest first, so the two workers finish together.
        order = ("csv", "vcard", "sip", "modem", "fritzbox")
        yield {name: pool.submit(fuzz_targets.run, name, INPUTS) for name in order}


def _check(runs: dict[str, Future[FuzzRun]], name: str,
           capsys: pytest.CaptureFixture[str]) -> FuzzRun:
    result = runs[name].result()
    with capsys.disabled():
        print(f"\n{result.line()}")
    assert result.inputs == INPUTS
    assert result.peak_bytes < PEAK_BOUND
    return result


@pytest.mark.parametrize("name", ["modem", "sip", "fritzbox", "csv", "vcard"])
def test_no_exception_escapes_and_memory_stays_bounded(
        runs: dict[str, Future[FuzzRun]], name: str, capsys: pytest.CaptureFixture[str]) -> None:
    _check(runs, name, capsys)


def test_a_thousand_mutated_files_through_the_whole_import(
        tmp_path: Path, store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    csv_inputs = Mutator(fuzz_targets.CSV_SEEDS, fuzz_targets.SEED + 1).inputs(FULL_IMPORTS // 2)
    vcf_inputs = Mutator(fuzz_targets.VCARD_SEEDS, fuzz_targets.SEED + 1).inputs(
        FULL_IMPORTS // 2)
    imported = refused = 0
    for suffix, inputs in ((".csv", csv_inputs), (".vcf", vcf_inputs)):
        for n, data in enumerate(inputs):
            path = tmp_path / f"in{n}{suffix}"
            path.write_bytes(data)
            try:
                imported += contacts_io.import_file(store, path, "FR").imported
            except contacts_io.ImportError_ as exc:
                assert exc.problems and all(p.startswith(str(path)) for p in exc.problems)
                refused += 1
            path.unlink()
    with capsys.disabled():
        print(f"\nfull import: {FULL_IMPORTS} mutated files, {imported} contacts imported, "
              f"{refused} files refused with their bad lines listed")
    assert store.integrity_errors() == []
    assert contacts.count(store) >= 1  # some mutants are still good files
