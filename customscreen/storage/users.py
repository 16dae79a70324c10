"""The people at the desk: who answered a call, who wrote a note, who calls back.

Users are never deleted, only set inactive: the journal keeps their name on
the calls they handled years ago, and a returning colleague gets it back.
"""

from __future__ import annotations

from customscreen.storage.store import Store


class UserError(ValueError):
    """A user name that cannot be added or removed as asked."""


def list_users(store: Store, include_inactive: bool = False) -> list[str]:
    """Names of the desk's users, alphabetically."""
    if include_inactive:
        rows = store.query("SELECT name FROM users ORDER BY name COLLATE NOCASE")
    else:
        rows = store.query("SELECT name FROM users WHERE active = 1 ORDER BY name COLLATE NOCASE")
    return [r[0] for r in rows]


def add_user(store: Store, name: str) -> None:
    """Add a user, or bring back one who had been removed."""
    name = name.strip()
    if not name:
        raise UserError("a user needs a name")
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO users(name, active) VALUES (?, 1) "
            "ON CONFLICT(name) DO UPDATE SET active = 1",
            (name,),
        )


def remove_user(store: Store, name: str) -> None:
    """Take a user off the lists; their name stays on the calls they handled."""
    with store.transaction() as conn:
        cur = conn.execute("UPDATE users SET active = 0 WHERE name = ?", (name,))
        if cur.rowcount == 0:
            raise UserError(f"there is no user {name!r}")
