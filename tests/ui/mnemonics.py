"""The &-letters a window offers at once, and the ones two of its widgets share.

Alt+letter goes to the one widget whose text has ``&letter``; when two visible
widgets of a window share the letter, Qt only moves the focus between them and
neither is pressed, and a menu of the bar that shares it with a button never
opens. What counts is what the window shows together: the bar's menus, the
tabs' titles, and the buttons and labelled fields of the tab on top.
"""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QMenu,
    QMenuBar,
    QTabBar,
    QTabWidget,
    QWidget,
)


def letter(text: str) -> str | None:
    """The letter after the one ``&`` of ``text`` ("&&" is a plain ampersand)."""
    index = 0
    while (index := text.find("&", index)) != -1 and index + 1 < len(text):
        if text[index + 1] != "&":
            return text[index + 1].casefold()
        index += 2
    return None


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.window() is window


def offered(window: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of every mnemonic the window shows now."""
    texts: list[str] = []
    for bar in window.findChildren(QMenuBar):
        if _shown(bar, window):
            texts += [a.text() for a in bar.actions() if a.isVisible()]
    for tabs in window.findChildren(QTabBar):
        if _shown(tabs, window):
            texts += [tabs.tabText(i) for i in range(tabs.count()) if tabs.isTabVisible(i)]
    for button in window.findChildren(QAbstractButton):
        if _shown(button, window):
            texts.append(button.text())
    for label in window.findChildren(QLabel):
        if label.buddy() is not None and _shown(label, window):
            texts.append(label.text())
    return [(m, t) for t in texts if (m := letter(t))]


def clashes_in(entries: list[tuple[str, str]]) -> list[str]:
    by_letter: dict[str, list[str]] = defaultdict(list)
    for key, text in entries:
        by_letter[key].append(text)
    return [f"Alt+{key.upper()}: " + " | ".join(texts)
            for key, texts in sorted(by_letter.items()) if len(texts) > 1]


def menu_clashes(menu: QMenu, where: str) -> list[str]:
    """A menu's items answer their letters while it is open: one item a letter."""
    items = [a for a in menu.actions() if a.isVisible() and not a.isSeparator()]
    entries = [(m, a.text()) for a in items if (m := letter(a.text()))]
    found = [f"{where} ▸ {menu.title()}: {c}" for c in clashes_in(entries)]
    for action in items:
        if action.menu() is not None:
            found += menu_clashes(action.menu(), where)
    return found


def window_clashes(window: QWidget, where: str) -> list[str]:
    """Clashes of ``window`` with each page of each of its tab widgets on top in turn."""
    found: list[str] = []
    for bar in window.findChildren(QMenuBar):
        for action in bar.actions():
            if action.menu() is not None:
                found += menu_clashes(action.menu(), where)
    tab_widgets = [t for t in window.findChildren(QTabWidget) if _shown(t, window)]
    states: list[tuple[QTabWidget | None, int]] = [(None, -1)]
    states += [(t, i) for t in tab_widgets for i in range(t.count())]
    for tabs, index in states:
        if tabs is not None:
            tabs.setCurrentIndex(index)
            QApplication.processEvents()
        page = f"{where} [{tabs.tabText(index).replace('&', '')}]" if tabs else where
        found += [f"{page}: {c}" for c in clashes_in(offered(window))]
    return sorted(set(found))
