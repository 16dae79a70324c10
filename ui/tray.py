"""The tray icon: line status and mode at a glance, notifications, the mode menu.

Some desktops (and the offscreen platform) have no tray; then the desk works
without one and notifications go to the status bar.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from ui import i18n

STATE_COLOURS = {"up": "#2e7d32", "reconnecting": "#f9a825", "down": "#c62828",
                 "none": "#9e9e9e"}
MODE_COLOURS = {"normal": "#1565c0", "priority": "#ef6c00", "closed": "#424242"}


def status_icon(line_state: str, mode: str) -> QIcon:
    """A phone-coloured disc for the mode with a dot for the line's state."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(MODE_COLOURS.get(mode, "#1565c0")))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(QRectF(2, 2, 26, 26))
    painter.setBrush(QColor("#ffffff"))
    painter.drawEllipse(QRectF(17, 17, 14, 14))
    painter.setBrush(QColor(STATE_COLOURS.get(line_state, "#9e9e9e")))
    painter.drawEllipse(QRectF(19, 19, 10, 10))
    painter.end()
    return QIcon(pixmap)


class DeskTray(QObject):
    show_window = Signal()
    quit_requested = Signal()
    message_shown = Signal(str, str)

    def __init__(self, mode_actions: list[QAction], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.available = QSystemTrayIcon.isSystemTrayAvailable()
        self.line_state, self.mode, self.new_messages = "none", "normal", 0
        self.last_message: tuple[str, str] | None = None
        self.menu = QMenu()
        self.open_action = QAction(self)
        self.open_action.triggered.connect(self.show_window)
        self.quit_action = QAction(self)
        self.quit_action.triggered.connect(self.quit_requested)
        self.menu.addAction(self.open_action)
        self.menu.addSeparator()
        for action in mode_actions:
            self.menu.addAction(action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.icon: QSystemTrayIcon | None = None
        if self.available:
            self.icon = QSystemTrayIcon(status_icon("none", "normal"), self)
            self.icon.setContextMenu(self.menu)
            self.icon.activated.connect(self._activated)
            self.icon.show()
        self.retranslate()

    def retranslate(self) -> None:
        self.open_action.setText(self.tr("&Open CustomScreen"))
        self.quit_action.setText(self.tr("&Quit"))
        self.update()

    def tooltip(self) -> str:
        text = self.tr("CustomScreen — line: %1 — mode: %2").replace(
            "%1", i18n.line_state(self.line_state)).replace("%2", i18n.mode(self.mode))
        if self.new_messages:
            text += "\n" + self.tr("%1 new in the voicemail queue").replace(
                "%1", i18n.number(self.new_messages))
        return text

    def update(self) -> None:
        if self.icon is not None:
            self.icon.setIcon(status_icon(self.line_state, self.mode))
            self.icon.setToolTip(self.tooltip())

    def set_line(self, state: str) -> None:
        self.line_state = state
        self.update()

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.update()

    def set_new_messages(self, count: int) -> None:
        self.new_messages = count
        self.update()

    def notify(self, title: str, message: str) -> None:
        self.last_message = (title, message)
        if self.icon is not None:
            self.icon.showMessage(title, message, QSystemTrayIcon.MessageIcon.Information, 10_000)
        self.message_shown.emit(title, message)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.show_window.emit()
