"""The top card's buttons in the Call menu, so the keyboard reaches them.

A card never takes the keyboard (it pops while the receptionist types
elsewhere), so its buttons are also actions of the desk's Call menu, with
shortcuts. Each action presses the top card's own button: the menu does
exactly what the card does, and is enabled when the button is.
"""

from __future__ import annotations

from ui.card import CardStack
from ui.mainwindow import MainWindow


class CardActions:
    def __init__(self, window: MainWindow, cards: CardStack) -> None:
        self.window, self.cards = window, cards
        window.caller_contact_requested.connect(lambda: self._press("contact_button"))
        window.callback_requested.connect(
            lambda months: self._press("six_months_button" if months else "callback_button"))
        cards.changed.append(self.follow)
        window.call_menu.aboutToShow.connect(self.follow)
        self.follow()

    def _press(self, button: str) -> None:
        card = self.cards.top()
        if card is not None and getattr(card, button).isEnabled():
            getattr(card, button).click()

    def follow(self) -> None:
        """Enable the actions for the card on top, if any, and word them for its caller."""
        card, window = self.cards.top(), self.window
        window.show_caller_known(card is None or card.call.caller is not None)
        window.caller_contact_action.setEnabled(card is not None
                                                and card.contact_button.isEnabled())
        for action in (window.callback_action, window.callback_later_action):
            action.setEnabled(card is not None)
