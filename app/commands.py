"""What each ``customscreen`` verb does, over the library. Parsing is in ``cli``."""

from __future__ import annotations

import argparse
import sys
import threading
from typing import TYPE_CHECKING

from app import importing
from app.process import EXIT_FAILED, EXIT_PROBLEMS, db_path, journal_path, wait_until_stopped
from customscreen import contacts
from customscreen.calls import journal
from customscreen.calls.routing import Mode
from customscreen.contacts import files as contacts_io
from customscreen.contacts import numbers
from customscreen.storage import ownership, passwords, settings
from customscreen.storage.paths import open_private
from customscreen.storage.store import Store
from telephony.source import mask_password

if TYPE_CHECKING:
    from customscreen.paper.register import RegisterEntry


def open_store(args: argparse.Namespace, readonly: bool = False) -> Store:
    """The journal a command works on; a path with none is refused (``journal_path``)."""
    return Store(journal_path(args), readonly=readonly, create=False)


def region_of(args: argparse.Namespace, store: Store | None) -> str:
    configured = settings.get(store, settings.REGION) if store else None
    return numbers.default_region(args.region, configured)


def desk(args: argparse.Namespace) -> int:
    from ui.app import run_desk

    # The default path is the first run's to create; a --db given is one to open.
    return run_desk(journal_path(args) if args.db else db_path(args), args.region)


def demo(args: argparse.Namespace) -> int:
    from customscreen.demo import seed
    from customscreen.storage.paths import default_db

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
    from customscreen.calls.announce import JsonPrinter, TextPrinter
    from customscreen.calls.switchboard import Switchboard
    from customscreen.care.chores import Chores
    from telephony.source import SourceError, open_source

    warning = passwords.shown_by_ps(args.sources)
    if warning:
        print(f"customscreen: {warning}", file=sys.stderr)
    owner = ownership.claim(journal_path(args))
    if isinstance(owner, ownership.Held):
        print(f"customscreen: {owner.explain()}; open the desk read-only or stop that process",
              file=sys.stderr)
        return EXIT_FAILED
    store = open_store(args)
    for said in settings.move_passwords_out(store):
        print(f"customscreen: {said}", file=sys.stderr)
    mode = Mode(args.mode or settings.get(store, settings.MODE))
    board = Switchboard(store, region_of(args, store), mode, user=args.user)
    done = threading.Event()
    board.add_observer(JsonPrinter(on_closed=done.set) if args.json
                       else TextPrinter(region=board.region, on_closed=done.set))
    opened = []
    for url in args.sources:
        device = None
        try:
            device = ownership.claim_line(url)
            source = open_source(passwords.with_password(url))
            board.attach(source)
        except (SourceError, OSError, passwords.PasswordError) as exc:
            if device is not None:
                device.release()
            print(f"customscreen: cannot open {mask_password(url)}: {exc}", file=sys.stderr)
            continue
        opened.append((source, device))
    if not opened:
        return EXIT_FAILED
    chores = Chores(store, board=board,
                    on_report=lambda text: print(f"customscreen: {text}", file=sys.stderr))
    chores.start()

    def all_finished() -> None:
        for source, _ in opened:
            source.finished.wait()
        done.set()

    threading.Thread(target=all_finished, daemon=True, name="listen-wait").start()
    try:
        wait_until_stopped(done)
    finally:
        board.stop()
        chores.stop()
        for _, device in opened:
            if device is not None:
                device.release()
    if not board.retry_journal():
        print(f"customscreen: {board.pending_writes} journal writes could not be saved",
              file=sys.stderr)
        return EXIT_FAILED
    store.close()
    owner.release()
    return 0


def contacts_(args: argparse.Namespace) -> int:
    store = open_store(args, readonly=args.action == "search")
    if args.action == "import":
        return importing.import_contacts(args, store, region_of(args, store))
    if args.action == "export":
        written = contacts_io.export_file(store, args.file)
        print(f"exported {written} contacts to {args.file}")
        return 0
    region = region_of(args, store)
    for hit in contacts.search(store, " ".join(args.text), region=region):
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
    from customscreen.paper import documents

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


def register_(args: argparse.Namespace) -> int:
    from customscreen.paper import register, verification

    store = open_store(args, readonly=True)
    if args.action == "list":
        for entry in register.entries(store, args.year):
            print(f"{entry.number}  {entry.issued_at:%Y-%m-%d %H:%M}  {entry.kind:<16} "
                  f"{entry.recipient}  ({entry.author or '-'})  {_register_state(entry)}")
        return 0
    try:
        content = args.file.read_bytes()
    except OSError as exc:
        print(f"customscreen: {args.file}: cannot be read ({exc.strerror})", file=sys.stderr)
        return EXIT_FAILED
    verdict = verification.verify(store, args.number, content)
    if verdict:
        print(f"{args.file}: matches register entry {verdict.number}")
        return 0
    print(f"{args.file}: does NOT match register entry {verdict.number}: {verdict.reason}")
    return EXIT_PROBLEMS


def _register_state(entry: RegisterEntry) -> str:
    from customscreen.paper import register

    if entry.state == register.INTERRUPTED:
        return "INTERRUPTED: its document was never recorded"
    if entry.state == register.ISSUING:
        return "being issued…"
    return f"sha256 {entry.sha256[:16]}…"


def privacy_(args: argparse.Namespace) -> int:
    import json

    from customscreen.care import privacy

    store = open_store(args)
    try:
        if args.action == "apply":
            rule = (privacy.Retention(args.months, args.retention_action or "anonymise")
                    if args.months else privacy.retention(store))
            if rule is None:
                print("no retention configured: calls are kept "
                      f"(set {settings.RETENTION_MONTHS.key} or give --months)")
                return 0
            done = privacy.apply_retention(store, rule)
            verb = "deleted" if rule.action == "delete" else "anonymised"
            print(f"{done.calls} calls from before {done.before} {verb} "
                  f"(retention {rule.months} months)")
        elif args.action == "erase":
            erased = privacy.erase_contact(store, args.contact)
            print(f"erased {erased.name!r} (contact {erased.contact_id}): card deleted, "
                  f"{erased.calls} calls and {erased.callbacks} callback slips anonymised, "
                  f"{erased.mentions} other texts that named them rewritten, "
                  f"{erased.documents} register entries kept without the name; "
                  + ("raw file wiped (free space and WAL)" if erased.wiped
                     else f"but {erased.wipe_problem}"))
        else:
            held = privacy.export_contact(store, args.contact)
            tmp = args.output.with_name(args.output.name + ".part")
            with open_private(tmp) as out:
                out.write(json.dumps(held, ensure_ascii=False, indent=1))
            tmp.replace(args.output)
            print(f"written {args.output}: card, {len(held['phones'])} numbers, "
                  f"{len(held['calls'])} calls, {len(held['callbacks'])} callbacks, "
                  f"{len(held['voicemail'])} voicemail items, "
                  f"{len(held['documents'])} documents")
    except (privacy.PrivacyError, contacts.ContactError) as exc:
        print(f"customscreen: {exc}", file=sys.stderr)
        return EXIT_FAILED
    return 0


def password(args: argparse.Namespace) -> int:
    import getpass

    user, at, host = args.account.rpartition("@")
    if not at or not user or not host:
        print(f"customscreen: {args.account!r} is not USER@PBX (e.g. 201@pbx.local)",
              file=sys.stderr)
        return EXIT_FAILED
    if args.action == "forget":
        passwords.forget_sip_password(user, host)
        print(f"forgot the password of {user}@{host}")
        return 0
    secret = (getpass.getpass(f"password for {user}@{host}: ") if sys.stdin.isatty()
              else sys.stdin.readline().rstrip("\r\n"))
    if not secret:
        print("customscreen: empty password; nothing kept", file=sys.stderr)
        return EXIT_FAILED
    where = passwords.set_sip_password(user, host, secret)
    print(f"kept the password of {user}@{host} in "
          + ("the system keyring" if where == "keyring" else f"{where} (readable by you only)"))
    return 0


def doctor(args: argparse.Namespace) -> int:
    from customscreen.care import doctor as checks

    path = db_path(args)
    findings = checks.examine(path, lines=not args.no_line, timeout=args.timeout)
    print(checks.report(findings))
    return 0 if checks.is_healthy(findings) else EXIT_PROBLEMS


def bench(args: argparse.Namespace) -> int:
    from app.bench import run

    return run(args)
