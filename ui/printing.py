"""Printing a caller's card through ``customscreen.paper.documents``, when it is installed.

The card opens in the print preview, where it is printed or saved as PDF.
"""

from __future__ import annotations

import importlib
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from customscreen.storage.store import Store


def card_pdf(store: Store, contact_id: int, region: str) -> Path:
    """Write the card as a PDF in the temp folder; raises what documents raises."""
    # Imported when asked: the documents module (reportlab) is optional on a
    # desk, and a missing one must not stop the card from popping.
    documents = importlib.import_module("customscreen.paper.documents")
    folder = Path(tempfile.mkdtemp(prefix="customscreen-card-"))
    target = folder / f"card-{contact_id}.pdf"
    documents.print_card(store, contact_id, target, region=region)
    return target


def print_card(store: Store, contact_id: int, region: str, parent: QWidget | None) -> Path | None:
    title = QCoreApplication.translate("Printing", "Print card")
    try:
        target = card_pdf(store, contact_id, region)
        print_preview = importlib.import_module("ui.print_preview")
    except ImportError:
        QMessageBox.information(parent, title, QCoreApplication.translate(
            "Printing", "Printing is not installed on this computer (reportlab is missing)."))
        return None
    except Exception as exc:  # noqa: BLE001 - any failure of a document is shown, not fatal
        QMessageBox.warning(parent, title, QCoreApplication.translate(
            "Printing", "The card could not be printed: %1").replace("%1", str(exc)))
        return None
    print_preview.preview(target, parent)
    return target
