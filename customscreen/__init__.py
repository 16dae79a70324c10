"""What the business knows and decides. No Qt."""

__version__ = "0.1.0"
