"""The desk: one switchboard, its lines, the window, the cards, the tray, wired together.

Everything a call does on screen starts here, on the UI thread, from a signal
of the bridge. Widgets never talk to the switchboard or the store's SQL.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from customscreen import contacts
from customscreen.bulletins import Bulletin
from customscreen.calls import callbacks, journal
from customscreen.calls.journal import CallRecord
from customscreen.calls.routing import Mode
from customscreen.calls.switchboard import CallView, Switchboard
from customscreen.care.chores import Chores
from customscreen.storage import backup_schedule, ownership, passwords, settings
from customscreen.storage.store import Store
from telephony.source import Source, SourceError, mask_password, open_source
from ui import i18n
from ui.bridge import SwitchboardBridge
from ui.call_menu import CardActions
from ui.callback_dialog import CallbackDialog
from ui.card import CallerCard, CardStack
from ui.card_data import CardCall, from_record, from_view
from ui.mainwindow import TAB_CALLS, TAB_CONTACTS, TAB_STATS, MainWindow
from ui.mode import ModeControl
from ui.notifier import CallbackNotifier
from ui.printing import print_card
from ui.settings_dialog import SettingsDialog
from ui.tray import DeskTray
from ui.user_dialog import choose_user

#: How long the status bar says there is nothing to print.
NOTHING_TO_PRINT_SHOWN_MS = 8000


class Desk(QObject):
    #: What the daily chores did (backup, retention), a Bulletin, from their own thread.
    chores_said = Signal(object)

    def __init__(self, store: Store, region: str, user: str | None,
                 language: i18n.LanguageSwitch | None = None) -> None:
        super().__init__()
        self.store, self.region = store, region
        self.language = language or i18n.LanguageSwitch()
        self.board = Switchboard(store, region, Mode.NORMAL, user)
        self.bridge = SwitchboardBridge(self)
        self.board.add_observer(self.bridge)
        self.mode = ModeControl(store, self.board, parent=self)
        self.window = MainWindow(store, region, user, self.mode)
        self.tray = DeskTray([*self.mode.actions.values(), self.mode.follow], self)
        self.cards = CardStack()
        self.card_actions = CardActions(self.window, self.cards)
        self.notifier = CallbackNotifier(store, parent=self)
        self.line_states: dict[str, str] = {}
        self.current_call: CardCall | None = None
        self.device_claims: list[ownership.Claim] = []
        self.chores = Chores(store, board=self.board, on_report=self.chores_said.emit)
        self.chores_said.connect(self.chores_report)

        self.bridge.announced.connect(self.call_announced)
        self.bridge.updated.connect(self.call_updated)
        self.bridge.finished.connect(self.call_finished)
        self.bridge.line_changed.connect(self.line_changed)
        self.bridge.alarm.connect(self.journal_alarm)
        self.mode.changed.connect(self.tray.set_mode)
        self.window.voicemail.count_changed.connect(self.tray.set_new_messages)
        self.window.voicemail.open_card.connect(self.open_card_for)
        self.window.calls.open_card.connect(self.open_card_for)
        self.window.note_requested.connect(self.note_on_current_call)
        self.window.print_requested.connect(self.print_current)
        self.window.documents_requested.connect(self.open_documents)
        self.window.settings_requested.connect(self.edit_settings)
        self.window.user_requested.connect(self.change_user)
        self.window.escape_pressed.connect(self.cards.close_top)
        self.window.closing.connect(self.stop)
        self.tray.show_window.connect(self.show_window)
        self.tray.quit_requested.connect(self.window.close)
        self.notifier.due.connect(self.callbacks_due)
        self.tray.set_mode(self.mode.mode)
        self.tray.set_new_messages(self.window.voicemail.new_count())

    def start(self) -> None:
        self.mode.start()
        self.notifier.start()
        # The warning first: the chores may take the overdue backup at once.
        warning = backup_schedule.backup_bulletin(self.store)
        if warning:
            self.chores_said.emit(warning)
        self.chores.start()

    def chores_report(self, told: Bulletin) -> None:
        """In the status bar, in the desk's language; a balloon only when something
        needs looking at: a backup taken as planned interrupts nobody."""
        text = i18n.bulletin(told)
        self.window.statusBar().showMessage(text)
        if told.warning:
            self.tray.notify(self.tr("CustomScreen"), text)

    def attach(self, source: Source) -> None:
        self.line_states[source.describe()] = "none"
        self.board.attach(source)

    def open_sources(self, urls: list[str]) -> list[str]:
        """Open the configured lines; returns the problems of those that would not open."""
        problems = []
        for url in urls:
            claim = None
            try:
                claim = ownership.claim_line(url)  # one program per modem
                # A SIP password is kept in the keyring, not in the settings.
                self.attach(open_source(passwords.with_password(url)))
            except (SourceError, passwords.PasswordError, OSError) as exc:
                if claim is not None:
                    claim.release()
                problems.append(f"{mask_password(url)}: {exc}")
                continue
            if claim is not None:
                self.device_claims.append(claim)
        return problems

    def stop(self) -> None:
        self.board.stop()
        self.chores.stop()
        self.board.retry_journal()
        for claim in self.device_claims:
            claim.release()
        self.device_claims.clear()
        for card in list(self.cards.cards):
            card.close()

    def show_window(self) -> None:
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()

    # -- calls ---------------------------------------------------------------------

    def call_announced(self, view: CallView) -> None:
        call = from_view(view, self.region)
        # On a busy day a diverted caller is for later: the queue, not a card.
        if call.action == "pop":
            self.current_call = call
            self.pop(call)
        else:
            self.window.voicemail.refresh()
        self.window.calls.refresh_soon()

    def call_updated(self, view: CallView, changed: dict[str, object]) -> None:
        call = from_view(view, self.region)
        card = self.cards.find(call)
        if card is not None:
            card.set_call(call)
            self.cards.place()
        if self.current_call is not None and self.current_call.same_call(call):
            self.current_call = call
        self.window.calls.refresh_soon()

    def call_finished(self, view: CallView, outcome: str, duration_s: int) -> None:
        call = from_view(view, self.region)
        card = self.cards.find(call)
        if card is not None and card.call.call_id is None and call.call_id is not None:
            # The journal took the call late (the disk was full when it rang):
            # the card gets its identity, and its Note button.
            card.set_call(replace(card.call, call_id=call.call_id))
        self.window.calls.refresh_soon()
        if outcome == "diverted":
            self.window.voicemail.refresh()

    def line_changed(self, source: str, state: str, detail: str) -> None:
        self.line_states[source] = state
        # The worst line is what the tray shows: one dead modem is news.
        worst = next((s for s in ("down", "reconnecting", "up")
                      if s in self.line_states.values()), "none")
        self.tray.set_line(worst)
        self.window.set_line_state(worst)

    def journal_alarm(self, message: str, pending: int) -> None:
        text = self.tr("The journal cannot be written (%1 calls waiting): %2").replace(
            "%1", i18n.number(pending)).replace("%2", message)
        self.window.statusBar().showMessage(text)
        self.tray.notify(self.tr("Journal"), text)

    # -- cards ------------------------------------------------------------------------

    def pop(self, call: CardCall) -> CallerCard:
        card = CallerCard(self.store, call)
        card.open_contact.connect(self.open_contact)
        card.create_contact.connect(self.create_contact)
        card.add_note.connect(self.add_note)
        card.callback.connect(self.create_callback)
        card.print_card.connect(lambda contact_id: print_card(
            self.store, contact_id, self.region, self.window))
        self.cards.show(card)
        return card

    def open_card_for(self, record: CallRecord) -> CallerCard:
        """A journaled call's card, e.g. a diverted caller opened from the queue. A
        call whose card is on screen (it is ringing) raises that card, never a second."""
        call = from_record(self.store, record, self.region)
        card = self.cards.find(call)
        if card is None:
            return self.pop(call)
        card.raise_()
        return card

    def open_contact(self, contact_id: int) -> None:
        self.show_window()
        self.window.tabs.setCurrentIndex(TAB_CONTACTS)
        self.window.contacts.edit(contact_id)
        self._refresh_cards()

    def create_contact(self, e164: str) -> None:
        self.show_window()
        self.window.tabs.setCurrentIndex(TAB_CONTACTS)
        if self.window.contacts.create(number=e164) is not None:
            self._refresh_cards()

    def _refresh_cards(self) -> None:
        """A contact was written: cards of their number show the new card."""
        for card in self.cards.cards:
            if card.call.number:
                card.set_call(replace(card.call,
                                      caller=contacts.find_caller(self.store, card.call.number)))
        self.cards.place()

    def add_note(self, call: CardCall, text: str | None = None) -> None:
        if call.call_id is None:
            return
        if text is None:
            record = journal.get(self.store, call.call_id)
            text, ok = QInputDialog.getText(
                self.window, self.tr("Note on this call"),
                self.tr("Note on the call from %1:").replace(
                    "%1", call.name or call.display_number),
                text=record.note if record else "")
            if not ok:
                return
        journal.set_note(self.store, call.call_id, text.strip(), handled_by=self.board.user)
        self.window.calls.refresh()

    def create_callback(self, call: CardCall, months: int) -> int | None:
        contact_id = call.caller.id if call.caller else None
        if months:
            due = callbacks.months_later(date.today(), months).isoformat()
            assigned, subject = self.board.user, self.tr("Call back in %1 months").replace(
                "%1", str(months))
        else:
            dialog = CallbackDialog(self.store, call.name, date.today() + timedelta(days=1),
                                    self.board.user, self.window)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            assigned, due, subject = dialog.values()
        callback_id = callbacks.create(
            self.store, due_at=due, contact_id=contact_id, call_id=call.call_id,
            number=call.number, caller_name=call.name, subject=subject,
            assigned_to=assigned, created_by=self.board.user,
        )
        self.window.callbacks.refresh()
        self.window.statusBar().showMessage(self.tr("Callback created for %1, due %2").replace(
            "%1", assigned or "—").replace("%2", i18n.when(due)), 8000)
        return callback_id

    def note_on_current_call(self) -> None:
        """F2: the ringing call's card first; else the call selected in the journal."""
        top = self.cards.top()
        if top is not None:
            self.add_note(top.call)
        elif self.window.calls.selected() is not None:
            self.window.tabs.setCurrentIndex(0)
            self.window.calls.note.setFocus()

    def current_contact_id(self) -> int | None:
        """The caller of the top card, else the contact selected in the contacts tab."""
        top = self.cards.top()
        if top and top.call.caller:
            return top.call.caller.id
        return self.window.contacts.current_id()

    def selected_contact_id(self) -> int | None:
        """What Ctrl+P prints: the top card's caller, else what the open tab has selected.

        The selected contact in Contacts, the selected call's contact in Calls;
        nothing elsewhere, rather than the first contact of a list out of sight.
        """
        top = self.cards.top()
        if top and top.call.caller:
            return top.call.caller.id
        tab = self.window.tabs.currentIndex()
        if tab == TAB_CONTACTS:
            return self.window.contacts.current_id()
        if tab == TAB_CALLS:
            record = self.window.calls.selected()
            return record.contact_id if record else None
        return None

    def print_current(self) -> None:
        contact_id = self.selected_contact_id()
        if contact_id:
            print_card(self.store, contact_id, self.region, self.window)
            return
        self.window.statusBar().showMessage(self.tr(
            "Nothing to print: open a caller's card, or select a contact, or a call "
            "from a contact."), NOTHING_TO_PRINT_SHOWN_MS)

    def open_documents(self) -> QDialog | None:
        """File ▸ Documents, on the current contact; window-modal, so this returns at once."""
        try:
            # Imported when asked, like the card's printing: reportlab is optional.
            from ui.documents_dialog import DocumentsDialog
        except ImportError:
            QMessageBox.information(self.window, self.tr("Documents"), self.tr(
                "Printing is not installed on this computer (reportlab is missing)."))
            return None
        # A call log or a report is of the period chosen in the Statistics tab;
        # opened from that tab, the dialog offers its report first.
        choice = self.window.stats.choice
        from_stats = self.window.tabs.currentIndex() == TAB_STATS
        dialog = DocumentsDialog(self.store, self.region, self.board.user,
                                 self.current_contact_id(), self.window,
                                 period=(choice.preset(), *choice.dates()),
                                 kind="stats" if from_stats else None)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # -- callbacks falling due ---------------------------------------------------------

    def callbacks_due(self, due: list[callbacks.Callback]) -> None:
        first = due[0]
        text = self.tr("Call back %1 (%2) — for %3").replace(
            "%1", first.caller_name or first.number or "—").replace(
            "%2", first.subject or "—").replace("%3", first.assigned_to or "—")
        if len(due) > 1:
            text += "\n" + self.tr("and %1 more").replace("%1", i18n.number(len(due) - 1))
        self.tray.notify(self.tr("Callback due"), text)
        self.window.statusBar().showMessage(text.replace("\n", " "), 15000)
        self.window.callbacks.refresh()

    # -- settings --------------------------------------------------------------------------

    def set_language(self, choice: str | None) -> str:
        return self.language.apply(choice)

    def edit_settings(self) -> None:
        dialog = SettingsDialog(self.store, self.window)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        # Gone once closed, while the application runs, whatever still refers to
        # it: a closed dialog left as the window's child lived on until exit,
        # where PySide and Qt both deleted it (see settings_dialog.ImageButton).
        dialog.deleteLater()
        if accepted:
            self.set_language(settings.get(self.store, settings.LANGUAGE))
            self.mode.apply_schedule()

    def change_user(self) -> None:
        user = choose_user(self.store, self.window)
        self.board.user = user
        self.window.set_user(user)

    def warn(self, problems: list[str]) -> None:
        if problems:
            QMessageBox.warning(self.window, self.tr("Lines"),
                                self.tr("Some lines could not be opened:") + "\n" +
                                "\n".join(problems))
