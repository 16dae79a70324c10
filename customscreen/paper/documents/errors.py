"""The one exception a document or report raises when it cannot be printed as asked."""

from __future__ import annotations


class DocumentError(ValueError):
    """What was wrong with the request, in words the person who typed it understands."""
