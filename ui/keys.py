"""How the keyboard moves through the desk's tables: Tab leaves them, Enter opens a row.

A table's own Tab steps from cell to cell, row after row: in a journal of
thousands of calls it never lets the focus out. The arrows move within a
table; Tab goes on to the next field, as everywhere else.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def tab_leaves(view: QAbstractItemView) -> None:
    view.setTabKeyNavigation(False)


class _EnterOpens(QObject):
    # A filter rather than two QShortcuts: Qt finds Return and Enter ambiguous
    # on some keyboards, and an ambiguous shortcut does nothing.
    def __init__(self, view: QAbstractItemView, slot: Callable[[], object]) -> None:
        super().__init__(view)
        self.slot = slot

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in ENTER_KEYS
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            self.slot()
            return True
        return False


def on_enter(view: QAbstractItemView, slot: Callable[[], object]) -> None:
    """Return (and the keypad's Enter) on ``view`` calls ``slot``; only while it has the focus."""
    view.installEventFilter(_EnterOpens(view, slot))
