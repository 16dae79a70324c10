"""Named settings of the desk, over ``Store.setting``: one place spells each key."""

from __future__ import annotations

from customscreen.storage.store import Store

SOURCES = "sources"  # one source URL a line
LANGUAGE = "desk.language"  # "system", "fr" or "en"
CURRENT_USER = "desk.user"
MODE = "mode"  # what ``listen`` also reads
SCHEDULE = "mode.schedule"  # customscreen.calls.schedule text
FOLLOW_SCHEDULE = "mode.follow_schedule"  # "1" or "0"
REGION = "region"

#: The business identity printed on documents, in the order the settings show it.
BUSINESS_KEYS = (
    "business.name", "business.address", "business.phone", "business.fax",
    "business.email", "business.logo", "business.signature",
)


def sources(store: Store) -> list[str]:
    text = store.setting(SOURCES) or ""
    return [line.strip() for line in text.splitlines() if line.strip()]


def set_sources(store: Store, urls: list[str]) -> None:
    store.set_setting(SOURCES, "\n".join(u.strip() for u in urls if u.strip()))


def business(store: Store) -> dict[str, str]:
    return {key: store.setting(key) or "" for key in BUSINESS_KEYS}


def set_many(store: Store, values: dict[str, str]) -> None:
    """Save several settings in one transaction: a dialog's OK is all or nothing."""
    with store.transaction():
        for key, value in values.items():
            store.set_setting(key, value)
