"""The caller card: pops by the tray corner when the phone rings, never takes the keyboard.

The receptionist is typing an order when the phone rings: the card must show
who calls without taking the keyboard from her, so it is a frameless tool
window that does not accept focus. Escape (from the desk) or × closes it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from customscreen.contacts import shown_fields
from customscreen.contacts.text import clean
from customscreen.storage.store import Store
from ui import i18n
from ui.card_data import CardCall, CardDetails, CardKey, details

CARD_WIDTH = 460
# Custom fields shown on the card: it pops by the tray and must fit the screen;
# the contact's page shows them all.
CARD_FIELDS = 12
# Space between stacked cards and from the screen's edge, in pixels.
MARGIN = 12

BADGE_COLOURS = {
    "active": ("#1b5e20", "#c8e6c9"),
    "expired": ("#8a4b00", "#ffe0b2"),
    "none": ("#424242", "#e0e0e0"),
}


class CallerCard(QFrame):
    open_contact = Signal(int)
    create_contact = Signal(str)
    add_note = Signal(object)  # CardCall
    callback = Signal(object, int)  # CardCall, months from today (0: ask)
    print_card = Signal(int)
    closed = Signal(object)  # the card's key

    def __init__(self, store: Store, call: CardCall, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint
                         | Qt.WindowType.WindowStaysOnTopHint
                         | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("callerCard")
        self.setFrameShape(QFrame.Shape.Box)
        self.setStyleSheet(
            "#callerCard { background: #ffffff; border: 2px solid #37474f; border-radius: 6px; }"
            " QLabel#muted { color: #546e7a; }"
        )
        self.setFixedWidth(CARD_WIDTH)
        self.store = store
        self.call = call
        self.info: CardDetails = details(store, call)
        self._body: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(14, 10, 14, 12)
        self._build()

    @property
    def key(self) -> CardKey:
        return self.call.key

    def set_call(self, call: CardCall) -> None:
        """The name (or the number) arrived after the card popped."""
        self.call = call
        self.info = details(self.store, call)
        self._build()

    # -- reading the card ------------------------------------------------------

    def badge_text(self) -> str:
        return i18n.contract(self.call.caller.contract) if self.call.caller else ""

    def title_text(self) -> str:
        if clean(self.call.name).strip():
            return clean(self.call.name)
        if self.call.withheld:
            return self.tr("Withheld number")
        return self.tr("Unknown caller")

    # -- building --------------------------------------------------------------

    def _build(self) -> None:
        if self._body is not None:
            self._layout.removeWidget(self._body)
            self._body.deleteLater()
        self._body = body = QWidget(self)
        box = QVBoxLayout(body)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(6)
        call, caller = self.call, self.call.caller

        top = QHBoxLayout()
        self.name_label = QLabel(self.title_text())
        self.name_label.setWordWrap(True)
        font = self.name_label.font()
        font.setPointSize(17)
        font.setBold(True)
        self.name_label.setFont(font)
        top.addWidget(self.name_label, 1)
        close = QToolButton(text="×")
        close.setToolTip(self.tr("Close the card (Escape)"))
        close.setAutoRaise(True)
        close.clicked.connect(self.close)
        top.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        box.addLayout(top)

        if caller and caller.company:
            company = QLabel(clean(caller.company))
            company_font = company.font()
            company_font.setPointSize(13)
            company.setFont(company_font)
            box.addWidget(company)
        elif caller and (call.network_name or "").casefold() not in ("", caller.name.casefold()):
            box.addWidget(self._muted(self.tr("Network name: %1").replace(
                "%1", clean(call.network_name))))

        if caller:
            badge_row = QHBoxLayout()
            self.badge = QLabel(self.badge_text())
            fg, bg = BADGE_COLOURS.get(caller.contract, BADGE_COLOURS["none"])
            self.badge.setStyleSheet(
                f"background: {bg}; color: {fg}; border: 1px solid {fg}; border-radius: 4px;"
                " padding: 2px 8px; font-weight: bold;"
            )
            badge_row.addWidget(self.badge)
            if caller.contract_level:
                badge_row.addWidget(self._muted(clean(caller.contract_level)))
            if caller.always:
                badge_row.addWidget(self._muted(self.tr("always gets through")))
            badge_row.addStretch(1)
            box.addLayout(badge_row)
        else:
            self.badge = None

        number = QLabel(call.display_number or self.tr("no number"))
        number_font = number.font()
        number_font.setPointSize(13)
        number.setFont(number_font)
        number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(number)
        if caller is None and (call.place or call.line_type or call.country):
            where = i18n.place(call.place) if call.place else i18n.country(call.country)
            parts = (where, i18n.line_type(call.line_type))
            hint = ", ".join(p for p in parts if p)
            self.hint_label = self._muted(hint)
            box.addWidget(self.hint_label)

        # Routing's code, translated: the sentence is built here, in the desk's
        # language, never read back from the journal.
        routed = i18n.reason(call.code, call.name)
        self.reason_label: QLabel | None = None
        if routed and (call.action != "pop" or call.code in ("always", "contract_active")):
            self.reason_label = QLabel(clean(routed))
            self.reason_label.setWordWrap(True)
            colour = "#b71c1c" if call.action != "pop" else "#1b5e20"
            self.reason_label.setStyleSheet(f"color: {colour}; font-weight: bold;")
            box.addWidget(self.reason_label)
        self.written_reason_label: QLabel | None = None
        if call.reason:  # what a person wrote, as they wrote it
            self.written_reason_label = self._muted(clean(call.reason))
            box.addWidget(self.written_reason_label)

        self._add_known_caller(box)
        box.addLayout(self._buttons())
        self._layout.addWidget(body)
        # A child added to a visible window is only shown on the next event
        # turn; show it now so the card has its full height when it is placed.
        body.show()
        self._layout.activate()
        self.adjustSize()

    def _add_known_caller(self, box: QVBoxLayout) -> None:
        contact = self.info.contact
        if contact and contact.fields:
            form = QFormLayout()
            form.setContentsMargins(0, 4, 0, 0)
            shown, more = shown_fields(contact, CARD_FIELDS)
            for key, value in shown:
                label = QLabel(clean(i18n.field_value(value)))
                label.setWordWrap(True)
                form.addRow(clean(key), label)
            if more:
                form.addRow(self._muted(self.tr("and %1 more on the contact's page").replace(
                    "%1", i18n.number(more))))
            box.addLayout(form)
        if self.call.caller is None:
            return
        box.addWidget(self._heading(self.tr("Last calls")))
        if not self.info.recent:
            box.addWidget(self._muted(self.tr("No earlier call")))
        for record in self.info.recent:
            who = clean(record.handled_by) or "—"
            line = f"{i18n.when(record.started_at)} · {i18n.outcome(record.outcome)} · {who}"
            if record.note:
                line += f" — {clean(record.note)}"
            label = QLabel(line)
            label.setWordWrap(True)
            box.addWidget(label)
        if self.info.open_callbacks:
            box.addWidget(self._heading(self.tr("Open callbacks")))
            for item in self.info.open_callbacks[:3]:
                text = self.tr("%1 for %2: %3")
                text = (text.replace("%1", i18n.when(item.due_at))
                        .replace("%2", clean(item.assigned_to) or "—")
                        .replace("%3", clean(item.subject) or "—"))
                box.addWidget(QLabel(text))

    def _buttons(self) -> QGridLayout:
        # Three a row: the French labels ("Créer le contact") do not fit five abreast.
        row = QGridLayout()
        row.setSpacing(4)
        caller = self.call.caller
        if caller:
            self.contact_button = QPushButton(self.tr("&Open contact"))
            self.contact_button.clicked.connect(lambda: self.open_contact.emit(caller.id))
        else:
            self.contact_button = QPushButton(self.tr("&Create contact"))
            self.contact_button.setEnabled(self.call.number is not None)
            self.contact_button.clicked.connect(
                lambda: self.create_contact.emit(self.call.number or ""))
        self.note_button = note = QPushButton(self.tr("&Note"))
        note.setEnabled(self.call.call_id is not None)
        note.clicked.connect(lambda: self.add_note.emit(self.call))
        self.callback_button = later = QPushButton(self.tr("Call &back…"))
        later.clicked.connect(lambda: self.callback.emit(self.call, 0))
        self.six_months_button = six = QPushButton(self.tr("In &6 months"))
        six.setToolTip(self.tr("Create a callback six months from today, in one click"))
        six.clicked.connect(lambda: self.callback.emit(self.call, 6))
        self.print_button = printer = QPushButton(self.tr("&Print"))
        printer.setEnabled(caller is not None)
        printer.clicked.connect(lambda: self.print_card.emit(caller.id if caller else 0))
        for index, button in enumerate((self.contact_button, note, printer, later, six)):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            row.addWidget(button, index // 3, index % 3)
        return row

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet("font-weight: bold; margin-top: 4px;")
        return label

    def _muted(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("muted")
        label.setWordWrap(True)
        return label

    # -- events ------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QEvent) -> None:  # noqa: N802
        self.closed.emit(self.key)
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._build()
        super().changeEvent(event)


class CardStack:
    """The cards on screen, bottom-right, the newest above the older ones."""

    def __init__(self) -> None:
        self.cards: list[CallerCard] = []
        # Told when the cards or the top card's call change (the Call menu follows them).
        self.changed: list[Callable[[], None]] = []

    def find(self, call: CardCall) -> CallerCard | None:
        """The card already on screen for ``call``, if any."""
        return next((c for c in self.cards if c.call.same_call(call)), None)

    def show(self, card: CallerCard) -> None:
        self.cards.append(card)
        card.closed.connect(self._forget)
        self.place()
        card.show()

    def place(self) -> None:
        screen = QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        bottom = area.bottom() - MARGIN
        for card in self.cards:
            card.adjustSize()
            height = card.sizeHint().height()
            card.move(area.right() - MARGIN - card.width(), max(area.top(), bottom - height))
            bottom -= height + MARGIN
        for listener in self.changed:
            listener()

    def top(self) -> CallerCard | None:
        return self.cards[-1] if self.cards else None

    def close_top(self) -> bool:
        card = self.top()
        if card is None:
            return False
        card.close()
        return True

    def _forget(self, key: object) -> None:
        self.cards = [c for c in self.cards if c.key != key]
        self.place()
