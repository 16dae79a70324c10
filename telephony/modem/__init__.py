"""Caller ID from a voice or data modem on a serial port.

``parser`` reads what the modem prints (every dialect in ``dialects`` and
``mdmf``), ``profiles`` sets the modem up, ``transport`` runs the port in a
thread with reconnect, and ``fake`` is a pseudo-terminal modem for tests.
"""

from telephony.modem.parser import RING_CYCLE, ModemParser

__all__ = ["RING_CYCLE", "ModemParser"]
