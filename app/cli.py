"""The ``customscreen`` command: its parser, and which verb of ``app.commands`` runs.

The exit codes are in ``app.process``.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from app.process import EXIT_FAILED
from customscreen import __version__
from customscreen.storage import settings
from customscreen.storage.store import StoreError


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-23") from None


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="customscreen",
        description="Caller ID, call journal and busy-day screening for small businesses.",
    )
    p.add_argument("--db", type=Path, help="database file (default: $CUSTOMSCREEN_DB, "
                   "else the user data folder)")
    p.add_argument("--region", help="two-letter country of the line, for numbers "
                   "written without a country code (default: configuration, locale, FR)")
    p.add_argument("--version", action="version", version=f"customscreen {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    d = sub.add_parser("demo", help="run the program on a demo database and a simulated line")
    d.add_argument("--offscreen", action="store_true",
                   help="no window: play the demo calls, save screenshots and exit")
    d.add_argument("--shots", type=Path, default=Path("demo-shots"),
                   help="folder for the screenshots (default: ./demo-shots)")
    d.add_argument("--seed-only", action="store_true",
                   help="only create the demo database, then exit")
    d.add_argument("--calls", type=int, default=2000, help="calls of history to create")

    li = sub.add_parser("listen", help="journal calls from one or more lines, printing each")
    li.add_argument("sources", nargs="+", metavar="SOURCE",
                    help="modem:/dev/ttyUSB0, sip://user:pw@pbx, sip-listen://127.0.0.1:5070, "
                    "fritzbox://192.168.178.1:1012, demo:")
    li.add_argument("--mode", choices=("normal", "priority", "closed"),
                    help="screening mode (default: the configured one, else normal)")
    li.add_argument("--json", action="store_true", help="one JSON object per line")
    li.add_argument("--user", help="who is at the desk, recorded as 'handled by'")

    c = sub.add_parser("contacts", help="import, export or search contacts")
    csub = c.add_subparsers(dest="action", metavar="ACTION", required=True)
    ci = csub.add_parser("import", help="import a .csv or .vcf file")
    ci.add_argument("file", type=Path)
    ci.add_argument("--skip-invalid", action="store_true",
                    help="import the good rows and list the bad ones")
    ce = csub.add_parser("export", help="export to .csv or .vcf (by the file's extension)")
    ce.add_argument("file", type=Path)
    cs = csub.add_parser("search", help="find contacts by name, company, note or number")
    cs.add_argument("text", nargs="*")

    k = sub.add_parser("calls", help="export the call journal")
    ksub = k.add_subparsers(dest="action", metavar="ACTION", required=True)
    ke = ksub.add_parser("export", help="write the journal as CSV")
    ke.add_argument("file", type=Path)
    ke.add_argument("--since", type=_date)
    ke.add_argument("--until", type=_date)

    pr = sub.add_parser("print", help="print a document or a report to PDF")
    psub = pr.add_subparsers(dest="document", metavar="DOCUMENT", required=True)
    pf = psub.add_parser("fax", help="a fax-style document with a register number")
    pf.add_argument("--contact", type=int, required=True)
    pf.add_argument("--template", default="lettre",
                    help="bon-pour-accord, devis, fiche-rappel or lettre (default)")
    pf.add_argument("--field", action="append", default=[], metavar="KEY=VALUE")
    pf.add_argument("--author", help="who issues it (default: the configured user)")
    for name, text in (("calllog", "the call log of a period"),
                       ("stats", "the statistics report for managers")):
        pp = psub.add_parser(name, help=text)
        pp.add_argument("--since", type=_date)
        pp.add_argument("--until", type=_date)
    pc = psub.add_parser("card", help="a client card, the paper backup of a contact")
    pc.add_argument("--contact", type=int, required=True)
    for pp in psub.choices.values():
        pp.add_argument("-o", "--output", type=Path, required=True, help="the PDF to write")

    rg = sub.add_parser("register", help="the register of issued documents")
    rgsub = rg.add_subparsers(dest="action", metavar="ACTION", required=True)
    rl = rgsub.add_parser("list", help="the documents issued, oldest first")
    rl.add_argument("--year", type=int)
    rv = rgsub.add_parser("verify", help="is this PDF exactly the document the register "
                          "recorded? (if not: exit 1 and the reason)")
    rv.add_argument("number", help="the register number printed on it, e.g. 2026-0001")
    rv.add_argument("file", type=Path)

    b = sub.add_parser("backup", help="write a verified copy of the database")
    b.add_argument("--to", type=Path, help="folder (default: configured, else next to the db)")
    r = sub.add_parser("restore", help="replace the database with a backup")
    r.add_argument("file", type=Path)
    r.add_argument("--new", action="store_true",
                   help="there is no journal at --db yet (a new computer): create it from "
                   "the backup")
    sub.add_parser("check", help="check the database for damage")
    dr = sub.add_parser("doctor", help="check the database, settings, telephone line and "
                        "backups, and say how to fix what is wrong")
    dr.add_argument("--no-line", action="store_true",
                    help="do not talk to the telephone line (it is in use, or far away)")
    dr.add_argument("--timeout", type=float, default=5.0, metavar="SECONDS",
                    help="how long a line may take to answer (default 5)")

    pv = sub.add_parser("privacy", help="retention of old calls, erasing or exporting a person")
    pvsub = pv.add_subparsers(dest="action", metavar="ACTION", required=True)
    pa = pvsub.add_parser("apply", help="delete or anonymise calls older than the retention "
                          f"(settings {settings.RETENTION_MONTHS.key} and "
                          f"{settings.RETENTION_ACTION.key})")
    pa.add_argument("--months", type=int, help="this retention instead of the configured one")
    pa.add_argument("--action", dest="retention_action", choices=("delete", "anonymise"),
                    help="with --months: what to do with older calls (default anonymise)")
    per = pvsub.add_parser("erase", help="erase a person: the card and every mention of "
                           "their name and numbers go, their calls are anonymised, documents "
                           "keep their number without the name; recorded (hashed) so that a "
                           "restore erases them again")
    per.add_argument("--contact", type=int, required=True)
    pex = pvsub.add_parser("export", help="everything held about a person, as JSON")
    pex.add_argument("--contact", type=int, required=True)
    pex.add_argument("-o", "--output", type=Path, required=True, help="the JSON file to write")

    pw = sub.add_parser("password", help="keep a SIP account's password out of the settings")
    pwsub = pw.add_subparsers(dest="action", metavar="ACTION", required=True)
    pws = pwsub.add_parser("set", help="keep the password (asked for, or read from stdin)")
    pws.add_argument("account", metavar="USER@PBX")
    pwf = pwsub.add_parser("forget", help="forget the password")
    pwf.add_argument("account", metavar="USER@PBX")

    of = sub.add_parser("office", help="set up the journal of an office")
    ofsub = of.add_subparsers(dest="action", metavar="ACTION", required=True)
    ofsub.add_parser("init", help="create an empty journal at --db (refused if a file is there)")

    be = sub.add_parser("bench", help="measure speed on a large synthetic database")
    be.add_argument("--json", action="store_true")
    be.add_argument("--quick", action="store_true", help="a 10x smaller database, for CI")
    return p


def main(argv: list[str] | None = None) -> int:
    # The journal, its backups, exports and recordings are created readable by
    # their owner only, each explicitly (customscreen.storage.paths); the umask
    # is the belt to those braces, for what a library writes (SQLite's own
    # journals, Qt's files) or a path someone adds later without thinking of it.
    os.umask(0o077)
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except StoreError as exc:
        print(f"customscreen: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 0
    except BrokenPipeError:
        # `customscreen contacts search x | head`: the reader has gone, not an error.
        sys.stderr.close()
        return 0


def _run(args: argparse.Namespace) -> int:
    from app import commands, safekeeping

    handlers = {
        None: commands.desk, "demo": commands.demo, "listen": commands.listen,
        "contacts": commands.contacts_, "calls": commands.calls, "print": commands.print_,
        "register": commands.register_,
        "backup": safekeeping.backup, "restore": safekeeping.restore,
        "check": safekeeping.check, "office": safekeeping.office, "doctor": commands.doctor,
        "bench": commands.bench, "privacy": commands.privacy_, "password": commands.password,
    }
    return handlers[args.command](args)
