"""``customscreen contacts import FILE``: the import, its progress on a terminal, its summary."""

from __future__ import annotations

import argparse
import sys
import time
from typing import TextIO

from app.process import EXIT_PROBLEMS
from customscreen.contacts import files as contacts_io
from customscreen.contacts.import_batches import READING, UNDOING, Progress
from customscreen.storage.store import Store

# How often the progress line is redrawn: often enough to see it move, rarely
# enough that a 200 MB import does not spend its time writing to the terminal.
REDRAW_S = 0.2


class ProgressLine:
    """One line on a terminal, redrawn in place: "importing FILE: line 1,200 of 48,001 (2%)".

    Only on a terminal: a script's captured stderr gets the problems and the
    summary, not a thousand carriage returns.
    """

    def __init__(self, name: str, out: TextIO = sys.stderr) -> None:
        self.name, self.out = name, out
        self.shown = out.isatty()
        self.last = 0.0
        self.width = 0

    def __call__(self, progress: Progress) -> None:
        if not self.shown:
            return
        now = time.monotonic()
        if now - self.last < REDRAW_S and progress.done < progress.total:
            return
        self.last = now
        what = {READING: "checking", UNDOING: "taking back"}.get(progress.stage, "importing")
        share = f" ({100 * progress.done // progress.total}%)" if progress.total else ""
        unit = "" if progress.stage == UNDOING else "line "
        text = (f"{what} {self.name}: {unit}{progress.done:,} of {progress.total:,}"
                f"{share}")
        self.out.write("\r" + text.ljust(self.width))
        self.out.flush()
        self.width = len(text)

    def close(self) -> None:
        if self.shown and self.width:
            self.out.write("\r" + " " * self.width + "\r")
            self.out.flush()


def import_contacts(args: argparse.Namespace, store: Store, region: str) -> int:
    line = ProgressLine(str(args.file))
    try:
        result = contacts_io.import_file(store, args.file, region,
                                         skip_invalid=args.skip_invalid, progress=line)
    except contacts_io.ImportError_ as exc:
        line.close()
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"nothing imported: {exc.refused} bad rows "
              "(fix them, or use --skip-invalid to import the others)", file=sys.stderr)
        return EXIT_PROBLEMS
    finally:
        line.close()
    for problem in result.skipped:
        print(f"skipped {problem}", file=sys.stderr)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"{args.file}: {result.imported} imported, {result.updated} updated, "
          f"{result.refused} refused")
    return EXIT_PROBLEMS if result.refused else 0
