"""The verbs that keep the journal safe: create it, back it up, restore it, check it."""

from __future__ import annotations

import argparse
import sys

from app.commands import open_store
from app.process import EXIT_FAILED, EXIT_PROBLEMS, db_path, journal_path
from customscreen import contacts
from customscreen.calls import journal
from customscreen.storage import backup_schedule, backups, restoring, settings
from customscreen.storage.backup_copies import tag_of
from customscreen.storage.store import Store, StoreError


def office(args: argparse.Namespace) -> int:
    path = db_path(args)
    if path.exists():
        print(f"customscreen: {path} already exists; nothing was created "
              "(choose another --db for a new journal)", file=sys.stderr)
        return EXIT_FAILED
    store = Store(path)
    print(f"created an empty journal: {path} (schema {store.version}, "
          f"identity {tag_of(backups.identity(store))})")
    store.close()
    return 0


def backup(args: argparse.Namespace) -> int:
    store = open_store(args)
    # A database from an older version may hold a line's password: not in the copy.
    for said in settings.move_passwords_out(store):
        print(said, file=sys.stderr)
    folder = args.to or backup_schedule.backup_folder(store)
    target = backups.backup(store, folder)
    print(f"backup written and verified: {target} (sha256 in {target.name}.sha256)")
    for aside in backups.set_aside_copies(folder, tag_of(backups.identity(store))):
        print(f"warning: {aside} is dated in the future (a wrong clock?): set aside, "
              "not counted as a backup", file=sys.stderr)
    return 0


def restore(args: argparse.Namespace) -> int:
    path = db_path(args)
    if not args.new and not path.exists():
        print(f"customscreen: {path}: there is no journal here (a mistyped --db?); to restore "
              "the backup into a new journal at this path, add --new", file=sys.stderr)
        return EXIT_FAILED
    # Refused while a process owns the journal: it would write its next calls
    # into the file that was replaced, and give them ids the backup also has.
    # The backup may predate erasures: they are made again before the lock is let go.
    from customscreen.care import privacy

    try:
        done = restoring.restore(path, args.file, new=args.new, then=privacy.reapply_to)
    except StoreError as exc:
        print(f"customscreen: {exc}", file=sys.stderr)
        return EXIT_FAILED
    for line in done.lines():
        print(line)
    if done.then is not None and done.then.erasures:
        print(done.then.summary("backup"))
    return 0


def check(args: argparse.Namespace) -> int:
    path = journal_path(args)
    try:
        store = Store(path, readonly=True)
        problems = store.integrity_errors()
    except StoreError as exc:  # not a database, or damaged past what integrity_check walks
        print(f"customscreen: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    for problem in problems:
        print(f"{path}: {problem}")
    if problems:
        return EXIT_PROBLEMS
    last = backups.last_good_backup(store)
    print(f"{path}: sound (schema {store.version}, {contacts.count(store)} contacts, "
          f"{journal.count(store)} calls; last verified backup: "
          f"{last.strftime('%Y-%m-%d %H:%M') if last else 'never'})")
    found = _check_backups(store)
    warning = backup_schedule.backup_warning(store)
    if warning:
        print(f"warning: {warning}")
    return found


def _check_backups(store: Store) -> int:
    """The newest copy in the backup folder, hashed; copies set aside, named."""
    database_id = settings.get(store, settings.DATABASE_ID)
    if not database_id:
        return 0
    folder = backup_schedule.backup_folder(store)
    newest = backups.newest(folder, tag_of(database_id))
    for aside in newest.set_aside:
        print(f"warning: {aside} is dated in the future (a wrong clock?): not counted "
              "as a backup")
    if newest.copy is None:
        if backups.last_good_backup(store):
            print(f"warning: no backup of this database is in {folder} any more")
        return 0
    if newest.problem:
        print(f"problem: the newest backup cannot be trusted: {newest.problem}")
        return EXIT_PROBLEMS
    print(f"newest backup: {newest.copy.path} (sha256 matches)")
    return 0
