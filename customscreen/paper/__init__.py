"""Paper: the documents people print, the register of their numbers, statistics."""
