"""What each ``customscreen`` verb does, over the library. Parsing is in ``cli``."""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path

from . import backups, contacts, contacts_io, journal, numbers
from .cli import EXIT_FAILED, EXIT_PROBLEMS, db_path, wait_until_stopped
from .routing import Mode
from .store import Store, StoreError


def open_store(args: argparse.Namespace, readonly: bool = False) -> Store:
    return Store(db_path(args), readonly=readonly)


def region_of(args: argparse.Namespace, store: Store | None) -> str:
    return numbers.default_region(args.region, store.setting("region") if store else None)


def desk(args: argparse.Namespace) -> int:
    from ui.app import run_desk

    return run_desk(db_path(args), args.region)


def demo(args: argparse.Namespace) -> int:
    from .demo import seed
    from .paths import default_db

    path = args.db or default_db().with_name("demo.sqlite")
    store = Store(path)
    if contacts.count(store) == 0:
        # The demo firm is in Toulouse: its numbers are French unless told otherwise.
        seed(store, calls=args.calls, region=(args.region or "FR").upper())
        print(f"demo database created: {path} ({contacts.count(store)} contacts, "
              f"{journal.count(store)} calls)")
    elif args.seed_only:
        print(f"{path} already holds {contacts.count(store)} contacts; "
              "choose another --db for a fresh demo database", file=sys.stderr)
        return EXIT_FAILED
    if args.seed_only:
        return 0
    store.close()
    from ui.demo import run_demo

    return run_demo(path, args.region, offscreen=args.offscreen, shots=args.shots)


def listen(args: argparse.Namespace) -> int:
    from telephony.source import SourceError, open_source

    from .announce import JsonPrinter, TextPrinter
    from .switchboard import Switchboard

    store = open_store(args)
    mode = Mode(args.mode or store.setting("mode") or "normal")
    board = Switchboard(store, region_of(args, store), mode, user=args.user)
    board.add_observer(JsonPrinter() if args.json else TextPrinter())
    opened = []
    for url in args.sources:
        try:
            source = open_source(url)
            board.attach(source)
        except (SourceError, OSError) as exc:
            print(f"customscreen: cannot open {url}: {exc}", file=sys.stderr)
            continue
        opened.append(source)
    if not opened:
        return EXIT_FAILED
    done = threading.Event()

    def all_finished() -> None:
        for source in opened:
            source.finished.wait()
        done.set()

    threading.Thread(target=all_finished, daemon=True, name="listen-wait").start()
    try:
        wait_until_stopped(done)
    finally:
        board.stop()
    if not board.retry_journal():
        print(f"customscreen: {board.pending_writes} journal writes could not be saved",
              file=sys.stderr)
        return EXIT_FAILED
    store.close()
    return 0


def contacts_(args: argparse.Namespace) -> int:
    store = open_store(args, readonly=args.action == "search")
    if args.action == "import":
        try:
            result = contacts_io.import_file(store, args.file, region_of(args, store),
                                             skip_invalid=args.skip_invalid)
        except contacts_io.ImportError_ as exc:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            print(f"nothing imported: {len(exc.problems)} bad rows "
                  "(fix them, or use --skip-invalid to import the others)", file=sys.stderr)
            return EXIT_PROBLEMS
        for problem in result.skipped:
            print(f"skipped {problem}", file=sys.stderr)
        print(f"imported {result.imported} contacts from {args.file}")
        return EXIT_PROBLEMS if result.skipped else 0
    if args.action == "export":
        written = contacts_io.export_file(store, args.file)
        print(f"exported {written} contacts to {args.file}")
        return 0
    region = region_of(args, store)
    for hit in contacts.search(store, " ".join(args.text)):
        shown = ", ".join(numbers.display(n, region) for n in hit.numbers.split(", ") if n)
        company = f" ({hit.company})" if hit.company else ""
        print(f"{hit.id:>6}  {hit.name}{company}  {shown}")
    return 0


def calls(args: argparse.Namespace) -> int:
    store = open_store(args, readonly=True)
    where = journal.CallFilter(since=args.since, until=args.until)
    written = journal.export_csv(store, args.file, where)
    print(f"exported {written} calls to {args.file}")
    return 0


def print_(args: argparse.Namespace) -> int:
    from . import documents

    store = open_store(args)
    region = region_of(args, store)
    try:
        if args.document == "fax":
            fields = {}
            for item in args.field:
                key, sep, value = item.partition("=")
                if not sep or not key.strip():
                    print(f"customscreen: --field {item!r} is not KEY=VALUE", file=sys.stderr)
                    return EXIT_FAILED
                fields[key.strip()] = value
            entry = documents.print_fax(store, args.contact, args.template, fields,
                                        args.output, author=args.author, region=region)
            print(f"{entry.number}: {args.output} (sha256 {entry.sha256[:16]}…)")
        elif args.document == "card":
            documents.print_card(store, args.contact, args.output, region=region)
            print(f"written {args.output}")
        else:
            report = {"calllog": documents.print_calllog, "stats": documents.print_stats}
            report[args.document](store, args.since, args.until, args.output, region=region)
            print(f"written {args.output}")
    except documents.DocumentError as exc:
        print(f"customscreen: {exc}", file=sys.stderr)
        return EXIT_FAILED
    return 0


def backup(args: argparse.Namespace) -> int:
    store = open_store(args)
    folder = args.to or Path(store.setting("backup.folder") or db_path(args).parent / "backups")
    target = backups.backup(store, folder)
    print(f"backup written and verified: {target}")
    return 0


def restore(args: argparse.Namespace) -> int:
    aside = backups.restore(db_path(args), args.file)
    print(f"restored {args.file} into {db_path(args)}; the previous file is kept as {aside}")
    return 0


def check(args: argparse.Namespace) -> int:
    path = db_path(args)
    try:
        store = Store(path, readonly=True)
    except StoreError as exc:
        print(f"customscreen: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    problems = store.integrity_errors()
    for problem in problems:
        print(f"{path}: {problem}")
    if problems:
        return EXIT_PROBLEMS
    last = backups.last_good_backup(store)
    print(f"{path}: sound (schema {store.version}, {contacts.count(store)} contacts, "
          f"{journal.count(store)} calls; last verified backup: "
          f"{last.strftime('%Y-%m-%d %H:%M') if last else 'never'})")
    return 0


def bench(args: argparse.Namespace) -> int:
    from .bench import run

    return run(args)
