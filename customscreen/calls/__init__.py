"""Calls: what happens when the phone rings, and what the journal keeps of it.

The switchboard takes events from every line, asks routing, journals the call
and tells observers; the voicemail queue and the callbacks list are the
receptionist's afternoon; the schedule switches the busy-day mode by itself.
"""
