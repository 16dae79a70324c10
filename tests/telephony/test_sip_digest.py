"""Digest authentication, client side: RFC 7616 §3.9.1 vectors and nonce counting."""

from __future__ import annotations

import pytest

from telephony.sip.digest import (
    Challenge,
    DigestClient,
    choose_challenge,
    digest_response,
    parse_challenge,
)
from telephony.sip.errors import SipProtocolError

# RFC 7616 §3.9.1: the Mufasa example.
RFC_NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v"
RFC_CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ"
RFC_OPAQUE = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"


@pytest.mark.parametrize(
    ("algorithm", "expected"),
    [
        ("MD5", "8ca523f5e9506fed4657c9700eebdbec"),
        ("SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"),
    ],
)
def test_rfc7616_mufasa_vectors(algorithm: str, expected: str) -> None:
    challenge = parse_challenge(
        f'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm={algorithm}, '
        f'nonce="{RFC_NONCE}", opaque="{RFC_OPAQUE}"'
    )
    response = digest_response(challenge, username="Mufasa", password="Circle of Life",
                               method="GET", uri="/dir/index.html", cnonce=RFC_CNONCE, nc=1)
    assert response == expected


def test_authorization_header_carries_what_the_server_checks() -> None:
    client = DigestClient("Mufasa", "Circle of Life", cnonce_factory=lambda: RFC_CNONCE)
    challenge = Challenge("http-auth@example.org", RFC_NONCE, "MD5", ("auth",), RFC_OPAQUE)
    value = client.authorization(challenge, "GET", "/dir/index.html")
    assert value.startswith("Digest ")
    assert 'response="8ca523f5e9506fed4657c9700eebdbec"' in value
    assert "nc=00000001" in value and f'cnonce="{RFC_CNONCE}"' in value
    assert f'opaque="{RFC_OPAQUE}"' in value and "qop=auth" in value


def test_nonce_count_increases_per_nonce_and_restarts_with_a_new_one() -> None:
    client = DigestClient("u", "p")
    first = Challenge("r", "n1", qop=("auth",))
    assert "nc=00000001" in client.authorization(first, "REGISTER", "sip:pbx")
    assert "nc=00000002" in client.authorization(first, "REGISTER", "sip:pbx")
    assert "nc=00000001" in client.authorization(Challenge("r", "n2", qop=("auth",)),
                                                 "REGISTER", "sip:pbx")


def test_challenge_without_qop_uses_rfc2069_response() -> None:
    challenge = parse_challenge('Digest realm="pbx", nonce="abc"')
    value = DigestClient("u", "p").authorization(challenge, "REGISTER", "sip:pbx")
    assert "qop" not in value and "nc=" not in value


def test_stale_flag_and_sha256_preferred_over_md5() -> None:
    chosen = choose_challenge([
        'Digest realm="pbx", nonce="a", algorithm=MD5, qop="auth"',
        'Digest realm="pbx", nonce="b", algorithm=SHA-256, qop="auth", stale=TRUE',
        'Digest realm="pbx", nonce="c", algorithm=SHA-512-256, qop="auth"',
    ])
    assert chosen is not None and chosen.algorithm == "SHA-256" and chosen.stale


def test_unusable_challenges_are_refused() -> None:
    assert choose_challenge(['Basic realm="x"', 'Digest realm="x", nonce="n", qop="auth-int"']) \
        is None
    with pytest.raises(SipProtocolError):
        parse_challenge('Digest realm="x"')
