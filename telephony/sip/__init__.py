"""SIP caller ID: a user agent that rings, never answers, and can divert.

Sans-I/O layers, each testable with bytes alone:

- :mod:`.message` parses and builds messages (:func:`parse_message`, :func:`make_response`);
- :mod:`.uri` reads sip/sips/tel URIs and name-addr values;
- :mod:`.identity` picks the caller (P-Asserted-Identity, Remote-Party-ID, From);
- :mod:`.digest` answers digest challenges (RFC 7616, MD5 and SHA-256);
- :mod:`.callee` is the called side: INVITE, CANCEL, ACK, BYE, OPTIONS, divert;
- :mod:`.registration` keeps the line registered, with backoff;
- :mod:`.framing` cuts messages out of a TCP stream.

:mod:`.agent` is the thin socket transport (``sip:`` and ``sip-listen:`` URLs)
and :mod:`.probe` a tiny caller for tests and the benchmark.
"""
