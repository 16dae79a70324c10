"""HTTP Digest authentication for SIP, client side (RFC 7616, RFC 3261 §22.4, RFC 8760).

The PBX answers REGISTER with ``401`` and ``WWW-Authenticate: Digest …``;
:class:`DigestClient` turns that challenge into an ``Authorization`` value,
counting ``nc`` per nonce. No sockets; the cnonce source can be injected for tests.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass

from telephony.sip.errors import SipProtocolError
from telephony.sip.uri import split_outside_quotes

#: Algorithms we can answer, best first (RFC 8760 adds SHA-256 to SIP).
ALGORITHMS: dict[str, Callable[[bytes], str]] = {
    "SHA-256": lambda data: hashlib.sha256(data).hexdigest(),
    "MD5": lambda data: hashlib.md5(data, usedforsecurity=False).hexdigest(),
}
#: A challenge longer than this is noise, not a PBX.
MAX_CHALLENGE_LENGTH = 4096


@dataclass(frozen=True, slots=True)
class Challenge:
    realm: str
    nonce: str
    algorithm: str = "MD5"
    qop: tuple[str, ...] = ()
    opaque: str | None = None
    stale: bool = False

    @property
    def base_algorithm(self) -> str:
        return self.algorithm.upper().removesuffix("-SESS")

    @property
    def session(self) -> bool:
        return self.algorithm.upper().endswith("-SESS")


def parse_challenge(value: str) -> Challenge:
    """Parse one ``Digest realm="…", nonce="…", …`` header value."""
    if len(value) > MAX_CHALLENGE_LENGTH:
        raise SipProtocolError("digest challenge too long")
    scheme, _, rest = value.strip().partition(" ")
    if scheme.lower() != "digest":
        raise SipProtocolError(f"not a Digest challenge: {scheme[:20]!r}")
    fields: dict[str, str] = {}
    for piece in split_outside_quotes(rest, ","):
        key, eq, val = piece.strip().partition("=")
        if not eq:
            continue
        val = val.strip()
        if len(val) >= 2 and val[0] == val[-1] == '"':
            val = val[1:-1].replace('\\"', '"').replace("\\\\", "\\")
        fields[key.strip().lower()] = val
    if "realm" not in fields or "nonce" not in fields:
        raise SipProtocolError("digest challenge without realm or nonce")
    qop = tuple(q.strip().lower() for q in fields.get("qop", "").split(",") if q.strip())
    return Challenge(
        realm=fields["realm"],
        nonce=fields["nonce"],
        algorithm=fields.get("algorithm", "MD5"),
        qop=qop,
        opaque=fields.get("opaque"),
        stale=fields.get("stale", "").lower() == "true",
    )


def choose_challenge(values: list[str]) -> Challenge | None:
    """Of several challenges (a PBX may offer SHA-256 and MD5), the best we support."""
    usable: list[Challenge] = []
    for value in values:
        try:
            challenge = parse_challenge(value)
        except SipProtocolError:
            continue
        answerable = not challenge.qop or "auth" in challenge.qop
        if challenge.base_algorithm in ALGORITHMS and answerable:
            usable.append(challenge)
    order = list(ALGORITHMS)
    usable.sort(key=lambda c: order.index(c.base_algorithm))
    return usable[0] if usable else None


def digest_response(
    challenge: Challenge,
    *,
    username: str,
    password: str,
    method: str,
    uri: str,
    cnonce: str,
    nc: int,
) -> str:
    """The ``response`` value of RFC 7616 §3.4.1 (qop=auth, or none for RFC 2069 PBXes)."""
    h = ALGORITHMS[challenge.base_algorithm]
    ha1 = h(f"{username}:{challenge.realm}:{password}".encode())
    if challenge.session:
        ha1 = h(f"{ha1}:{challenge.nonce}:{cnonce}".encode())
    ha2 = h(f"{method}:{uri}".encode())
    if "auth" in challenge.qop:
        return h(f"{ha1}:{challenge.nonce}:{nc:08x}:{cnonce}:auth:{ha2}".encode())
    return h(f"{ha1}:{challenge.nonce}:{ha2}".encode())


class DigestClient:
    """Answers challenges for one account, keeping the nonce count of each nonce."""

    def __init__(
        self,
        username: str,
        password: str,
        cnonce_factory: Callable[[], str] = lambda: secrets.token_hex(12),
    ) -> None:
        self.username = username
        self.password = password
        self._cnonce_factory = cnonce_factory
        self._counts: dict[str, int] = {}

    def authorization(self, challenge: Challenge, method: str, uri: str) -> str:
        """The ``Authorization`` header value answering ``challenge`` for this request."""
        # Only the current nonce matters; forgetting the others bounds the dict.
        nc = self._counts.get(challenge.nonce, 0) + 1
        self._counts = {challenge.nonce: nc}
        cnonce = self._cnonce_factory()
        response = digest_response(
            challenge,
            username=self.username,
            password=self.password,
            method=method,
            uri=uri,
            cnonce=cnonce,
            nc=nc,
        )
        parts = [
            f'username="{_quote(self.username)}"',
            f'realm="{_quote(challenge.realm)}"',
            f'nonce="{_quote(challenge.nonce)}"',
            f'uri="{_quote(uri)}"',
            f'response="{response}"',
            f"algorithm={challenge.algorithm}",
        ]
        if "auth" in challenge.qop:
            parts += ["qop=auth", f'cnonce="{cnonce}"', f"nc={nc:08x}"]
        if challenge.opaque is not None:
            parts.append(f'opaque="{_quote(challenge.opaque)}"')
        return "Digest " + ", ".join(parts)


def _quote(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')
