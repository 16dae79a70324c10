"""The desk's main window: the five tabs, the menus, the toolbar with the mode."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QTabWidget, QToolBar

from customscreen.storage.store import Store
from ui import i18n
from ui.callbacks_tab import CallbacksTab
from ui.calls_tab import CallsTab
from ui.contacts_tab import ContactsTab
from ui.mode import ModeControl
from ui.operations import Changes, Operations
from ui.stats_tab import StatsTab
from ui.tray import status_icon
from ui.voicemail_tab import VoicemailTab

TAB_CALLS, TAB_CONTACTS, TAB_VOICEMAIL, TAB_CALLBACKS, TAB_STATS = range(5)


class MainWindow(QMainWindow):
    # What the menus ask of the desk; the desk knows the cards and the current call.
    note_requested = Signal()
    caller_contact_requested = Signal()  # the top card's Open (or Create) contact
    callback_requested = Signal(int)  # the top card's callback, months from today (0: ask)
    print_requested = Signal()
    documents_requested = Signal()
    settings_requested = Signal()
    user_requested = Signal()
    escape_pressed = Signal()
    closing = Signal()

    def __init__(self, store: Store, region: str, user: str | None, mode: ModeControl) -> None:
        super().__init__()
        self.store, self.mode_control, self.user = store, mode, user
        self.line_state = "none"
        self.calls = CallsTab(store, region, user)
        # Long actions run off the UI thread; views refresh from what they changed.
        self.operations = Operations(self)
        self.operations.changed.connect(self._changed)
        self.contacts = ContactsTab(store, region, self.operations)
        self.voicemail = VoicemailTab(store, region, user)
        self.callbacks = CallbacksTab(store, region, user)
        self.stats = StatsTab(store)
        self.tabs = QTabWidget()
        for tab in (self.calls, self.contacts, self.voicemail, self.callbacks, self.stats):
            self.tabs.addTab(tab, "")
        self.tabs.currentChanged.connect(self._tab_shown)
        self.setCentralWidget(self.tabs)
        self.contacts.show_calls.connect(self._show_calls_of)
        self.voicemail.count_changed.connect(lambda _: self._label_tabs())
        self.voicemail.callbacks_changed.connect(self.callbacks.refresh)
        self.callbacks.changed.connect(self.voicemail.refresh)
        self.contacts.changed.connect(self.calls.refresh)
        self.calls.open_contact.connect(self.contacts.edit)

        self.status_line, self.status_mode, self.status_user = QLabel(), QLabel(), QLabel()
        for label in (self.status_user, self.status_mode, self.status_line):
            self.statusBar().addPermanentWidget(label)
        self._build_actions()
        self._build_menus()
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("mode")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.mode_label = QLabel()
        self.toolbar.addWidget(self.mode_label)
        for action in mode.actions.values():
            self.toolbar.addAction(action)
        self.toolbar.addAction(mode.follow)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.new_contact_action)
        self.toolbar.addAction(self.note_action)
        self.addToolBar(self.toolbar)
        mode.changed.connect(lambda _: self._show_status())
        self.resize(1180, 720)
        self.retranslate()

    # -- actions and menus ---------------------------------------------------------

    def _action(self, shortcut: QKeySequence | str | None = None, slot=None) -> QAction:  # noqa: ANN001
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if slot is not None:
            action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.import_action = self._action(None, lambda: self.contacts.import_contacts())
        self.export_action = self._action(None, lambda: self.contacts.export_contacts())
        self.print_action = self._action(QKeySequence.StandardKey.Print, self.print_requested)
        self.documents_action = self._action("Ctrl+Shift+P", self.documents_requested)
        self.settings_action = self._action(None, self.settings_requested)
        self.user_action = self._action(None, self.user_requested)
        self.quit_action = self._action(QKeySequence.StandardKey.Quit, self.close)
        self.find_action = self._action(QKeySequence.StandardKey.Find, self.focus_search)
        self.new_contact_action = self._action(QKeySequence.StandardKey.New,
                                               lambda: self.contacts.create())
        self.note_action = self._action("F2", self.note_requested)
        # The card's buttons, for the keyboard: the card never takes it. Enabled
        # while a card is up (ui.call_menu follows the cards).
        self.caller_contact_action = self._action("Ctrl+O", self.caller_contact_requested)
        self.callback_action = self._action("Ctrl+R", lambda: self.callback_requested.emit(0))
        self.callback_later_action = self._action(
            "Ctrl+Shift+R", lambda: self.callback_requested.emit(6))
        self.caller_known = True
        # F10 opens the first menu, as on Windows and GNOME.
        self.menu_bar_action = self._action("F10", self.open_menu_bar)
        self.addAction(self.menu_bar_action)
        self.tab_actions = [
            self._action(f"Ctrl+{n + 1}", lambda _=False, i=n: self.tabs.setCurrentIndex(i))
            for n in range(5)
        ]

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu, self.call_menu = QMenu(self), QMenu(self)
        self.mode_menu, self.view_menu = QMenu(self), QMenu(self)
        for menu in (self.file_menu, self.call_menu, self.mode_menu, self.view_menu):
            bar.addMenu(menu)
        self.file_menu.addActions([self.import_action, self.export_action])
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.print_action, self.documents_action, self.settings_action,
                                   self.user_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.call_menu.addActions([self.note_action, self.caller_contact_action, self.print_action,
                                   self.callback_action, self.callback_later_action])
        self.call_menu.addSeparator()
        self.call_menu.addActions([self.new_contact_action, self.find_action])
        self.mode_menu.addActions(list(self.mode_control.actions.values()))
        self.mode_menu.addSeparator()
        self.mode_menu.addAction(self.mode_control.follow)
        self.view_menu.addActions(self.tab_actions)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("CustomScreen — caller ID and call journal"))
        self.file_menu.setTitle(self.tr("&File"))
        self.call_menu.setTitle(self.tr("&Call"))
        self.mode_menu.setTitle(self.tr("&Mode"))
        self.view_menu.setTitle(self.tr("&View"))
        self.import_action.setText(self.tr("&Import contacts…"))
        self.export_action.setText(self.tr("&Export contacts…"))
        self.print_action.setText(self.tr("&Print card…"))
        self.documents_action.setText(self.tr("&Documents…"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.user_action.setText(self.tr("Change &user…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.note_action.setText(self.tr("&Note on the current call"))
        self.new_contact_action.setText(self.tr("Ne&w contact…"))
        self.callback_action.setText(self.tr("Call &back…"))
        self.callback_later_action.setText(self.tr("Call back in &6 months"))
        self.show_caller_known(self.caller_known)
        self.find_action.setText(self.tr("&Find…"))
        self.mode_control.retranslate()
        self._label_tabs()
        self._show_status()

    def show_caller_known(self, known: bool) -> None:
        """The top card's caller is a contact (open it) or not (create one)."""
        self.caller_known = known
        self.caller_contact_action.setText(self.tr("&Open the caller's contact") if known
                                           else self.tr("&Create a contact for the caller"))

    def _label_tabs(self) -> None:
        new = self.voicemail.new_count()
        queue = self.tr("Voicemail &queue")
        if new:
            queue += f" ({i18n.number(new)})"
        titles = (self.tr("C&alls"), self.tr("C&ontacts"), queue, self.tr("Call&backs"),
                  self.tr("&Statistics"))
        for index, title in enumerate(titles):
            self.tabs.setTabText(index, title)
        plain = [t.replace("&", "") for t in titles]
        for action, title in zip(self.tab_actions, plain, strict=True):
            action.setText(title)

    def tab_title(self, index: int) -> str:
        return self.tabs.tabText(index).replace("&", "")

    def _show_status(self) -> None:
        mode = self.mode_control.mode
        self.mode_label.setText(self.tr("Mode: %1").replace("%1", i18n.mode(mode)) + "  ")
        self.status_mode.setText(self.tr("Mode: %1").replace("%1", i18n.mode(mode)))
        line = i18n.line_state(self.line_state)
        self.status_line.setText(self.tr("Line: %1").replace("%1", line))
        self.status_user.setText(self.tr("At the desk: %1").replace("%1", self.user or "—"))
        self.setWindowIcon(status_icon(self.line_state, mode))

    def set_line_state(self, state: str) -> None:
        self.line_state = state
        self._show_status()

    def set_user(self, user: str | None) -> None:
        self.user = user
        for tab in (self.calls, self.voicemail, self.callbacks):
            tab.user = user
        self._show_status()

    # -- behaviour -------------------------------------------------------------------

    def focus_search(self) -> None:
        if self.tabs.currentIndex() == TAB_CALLS:
            self.calls.focus_search()
        else:
            self.tabs.setCurrentIndex(TAB_CONTACTS)
            self.contacts.focus_search()

    def open_menu_bar(self) -> None:
        self.menuBar().setActiveAction(self.file_menu.menuAction())

    def _show_calls_of(self, contact_id: int, name: str) -> None:
        self.calls.show_contact(contact_id, name)
        self.tabs.setCurrentIndex(TAB_CALLS)

    def _changed(self, changes: Changes) -> None:
        if changes.contacts or changes.calls:
            self.calls.refresh()

    def _tab_shown(self, index: int) -> None:
        if index == TAB_STATS:
            self.stats.refresh()
        elif index == TAB_CALLBACKS:
            self.callbacks.refresh()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        # Escape reaches the window when no field wanted it: it closes the top
        # card, which cannot take the keyboard itself.
        if event.key() == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.operations.finish()  # an import cancelled and taken back before the store closes
        self.closing.emit()
        super().closeEvent(event)
