"""What runs by itself while the desk or ``listen`` is open: the daily backup, the
retention of old calls, writing journal entries that waited for the disk, and,
once at start, the erasures a copy put back by hand lacks.

One small thread (a :class:`telephony.running.BackgroundLoop`, the way every
line runs too) wakes every ``interval`` seconds and does what is due; each
chore decides for itself (``backup_schedule.run_if_due``,
``privacy.run_if_due``), so a desk restarted at 14:00 after a morning off still
backs up today. What happened is told to ``on_report`` as a
:class:`customscreen.bulletins.Bulletin`: a code and its values, which the desk
words in its language, and an English sentence for ``listen``'s standard
error; if ``on_report`` raises, that is logged and the chores go on.

Usage (the desk does this when it opens the database for writing)::

    chores = Chores(store, board=switchboard, on_report=status_bar.show)
    chores.start()
    ...
    chores.stop()
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from customscreen.bulletins import Bulletin
from customscreen.calls.switchboard import Switchboard
from customscreen.care import privacy
from customscreen.storage import backup_schedule
from customscreen.storage.store import Store, StoreError
from telephony.running import BackgroundLoop, notify

log = logging.getLogger(__name__)

#: How often the chores look at the clock. A backup a minute late is on time;
#: journal writes held in memory are retried this often once the disk is back.
CHECK_INTERVAL_S = 30.0

Report = Callable[[Bulletin], None]
Clock = Callable[[], datetime]


def _local_now() -> datetime:
    return datetime.now().astimezone()


class Chores:
    def __init__(self, store: Store, *, board: Switchboard | None = None,
                 on_report: Report = log.info, interval: float = CHECK_INTERVAL_S,
                 clock: Clock = _local_now) -> None:
        self.store = store
        self.board = board
        self.on_report = on_report
        self.interval = interval
        self.clock = clock
        self._loop = BackgroundLoop("chores", self._round)
        self._erasures_checked = False

    def start(self) -> None:
        self._loop.start()

    def stop(self) -> None:
        """Stop the thread; a backup in progress is let finish (``STOP_TIMEOUT_S``)."""
        self._loop.stop()

    def _round(self) -> float:
        self.run_once()
        return self.interval

    def run_once(self) -> list[Bulletin]:
        """Do what is due now; returns (and reports) what was done."""
        said: list[Bulletin] = []
        now = self.clock()
        if self.board is not None and self.board.journal_failing:
            waiting = self.board.pending_writes
            if self.board.retry_journal():
                said.append(Bulletin("journal_written", f"the journal is written again: "
                                   f"{waiting} waiting entries saved", {"count": str(waiting)}))
        try:
            if not self._erasures_checked and not self.store.readonly:
                # A copy put back by hand (``cp``) may lack erasures the ledger holds;
                # a read-only desk leaves them to the journal's owner.
                again = privacy.reapply_erasures(self.store)
                self._erasures_checked = True
                if again.erasures:
                    said.append(Bulletin("erasures_reapplied", again.summary(),
                                       {"count": str(len(again.erasures)),
                                        "problem": again.wipe_problem}, warning=True))
            done = backup_schedule.run_if_due(self.store, now)
            if done is not None:
                said.append(_backup_done(done))
                said += [Bulletin("backup_set_aside", f"backup {aside} is dated in the future "
                                "(a wrong clock?): set aside, not counted", {"path": str(aside)},
                                warning=True) for aside in done.set_aside]
            kept = privacy.run_if_due(self.store, now.date())
            if kept is not None and kept.calls:
                verb = "deleted" if kept.retention.action == "delete" else "anonymised"
                said.append(Bulletin(
                    "retention_done", f"{kept.calls} calls from before {kept.before} {verb} "
                    f"(retention {kept.retention.months} months)",
                    {"count": str(kept.calls), "before": str(kept.before),
                     "action": kept.retention.action,
                     "months": str(kept.retention.months)}))
        except (StoreError, privacy.PrivacyError) as exc:
            said.append(Bulletin("chores_failed", f"daily chores could not run: {exc}",
                               {"problem": str(exc)}, warning=True))
        for bulletin in said:
            notify(self.on_report, bulletin, "chores")
        return said


def _backup_done(done: backup_schedule.BackupDone) -> Bulletin:
    if done.path is not None:
        return Bulletin("backup_written", f"daily backup written and verified: {done.path}",
                      {"path": str(done.path)})
    return Bulletin("backup_failed", f"daily backup FAILED: {done.problem}",
                  {"problem": done.problem or ""}, warning=True)
