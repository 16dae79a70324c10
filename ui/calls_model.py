"""The journal as a table model that reads only the rows on screen.

A journal of a million calls cannot be loaded, so the model knows the total
(``journal.count``) and asks ``journal.page`` for a window of rows when the
view paints them; a few windows are kept, the oldest forgotten.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from customscreen.calls import journal
from customscreen.calls.journal import CallFilter, CallRecord
from customscreen.contacts import numbers
from customscreen.contacts.text import clean
from customscreen.storage.store import Store
from ui import i18n

PAGE_SIZE = 200
# Windows kept in memory: a screenful scrolled back and forth stays loaded.
KEPT_PAGES = 8

Index = QModelIndex | QPersistentModelIndex

OUTCOME_COLOURS = {"missed": "#c62828", "diverted": "#ef6c00", "blocked": "#6d4c41"}


class CallsModel(QAbstractTableModel):
    COLUMNS = ("when", "number", "caller", "outcome", "decision", "duration", "handled_by", "note")

    def __init__(self, store: Store, region: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.region = region
        self.filter = CallFilter()
        self._total = journal.count(store, self.filter)
        self._pages: OrderedDict[int, list[CallRecord]] = OrderedDict()
        self.pages_read = 0

    # -- what the view asks --------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("When"), self.tr("Number"), self.tr("Caller"), self.tr("Outcome"),
            self.tr("Decision"), self.tr("Duration"), self.tr("Handled by"), self.tr("Note"),
        )
        return titles[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self.record(index.row())
        if record is None:
            return None
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            # Old rows may hold a caller name from before names were cleaned.
            return clean(self._text(record, column))
        if role == Qt.ItemDataRole.ForegroundRole and column == "outcome":
            colour = OUTCOME_COLOURS.get(record.outcome or "")
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole and column in ("note", "decision"):
            return record.note if column == "note" else i18n.why(
                record.reason_code, record.display_name, record.reason)
        return None

    def _text(self, record: CallRecord, column: str) -> str:
        if column == "when":
            return i18n.when(record.started_at)
        if column == "number":
            if record.presentation != "available" and not record.number:
                return self.tr("withheld")
            return numbers.display(record.number, self.region, record.raw_number)
        if column == "caller":
            return record.display_name
        if column == "outcome":
            return i18n.outcome(record.outcome)
        if column == "decision":
            return i18n.decision(record.decision)
        if column == "duration":
            return i18n.duration(record.duration_s)
        if column == "handled_by":
            return record.handled_by or ""
        return record.note

    # -- the row window ---------------------------------------------------------------

    def record(self, row: int) -> CallRecord | None:
        if not 0 <= row < self._total:
            return None
        number, offset = divmod(row, PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            page = journal.page(self.store, self.filter, number * PAGE_SIZE, PAGE_SIZE)
            self.pages_read += 1
            self._pages[number] = page
            while len(self._pages) > KEPT_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page[offset] if offset < len(page) else None

    def loaded_rows(self) -> int:
        return sum(len(p) for p in self._pages.values())

    def set_filter(self, where: CallFilter) -> None:
        self.filter = where
        self.reload()

    def reload(self) -> None:
        """The journal changed (a call came, a note was written): read it again."""
        self.beginResetModel()
        self._pages.clear()
        self._total = journal.count(self.store, self.filter)
        self.endResetModel()

    @property
    def total(self) -> int:
        return self._total
