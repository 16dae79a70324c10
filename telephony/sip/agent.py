"""The SIP line: a thin UDP/TCP transport around :class:`Callee` and :class:`Registration`.

``sip://user:secret@pbx.host[:port]?bind=0.0.0.0:5070&transport=udp|tcp&voicemail=sip:*97@pbx&expires=300&divert=486|603``
registers at the PBX with digest authentication and pops the calls it sends.
``sip-listen://ADDRESS:PORT?allow=IP,IP`` does not register: the PBX forks calls
to it. It binds to 127.0.0.1 unless given an address, and only answers peers
in ``allow`` (loopback by default); the others get 403 and count as ``rejected``.

All protocol logic is sans-I/O; this module only moves bytes and time.
"""

from __future__ import annotations

import ipaddress
import logging
import selectors
import socket
import threading
from dataclasses import dataclass, field
from urllib.parse import parse_qs, unquote

from telephony.events import LineState
from telephony.running import ThreadedSource
from telephony.sip.callee import Callee, Peer
from telephony.sip.errors import SipProtocolError
from telephony.sip.framing import StreamFramer
from telephony.sip.message import MAX_MESSAGE_SIZE, SipResponse
from telephony.sip.registration import (
    RETRY_FIRST_S,
    RETRY_JITTER,
    RETRY_MAX_S,
    Account,
    Registration,
)
from telephony.sip.uri import parse_uri
from telephony.source import Clock, SourceError, local_now, mask_password, parse_url

log = logging.getLogger(__name__)

DEFAULT_SIP_PORT = 5060
#: How often the thread wakes with nothing to do, so that stop() is prompt.
POLL_S = 0.2
#: Bytes read from a TCP connection at once.
RECV_CHUNK = 16 * 1024
LOOPBACK = ("127.0.0.0/8", "::1/128")
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@dataclass(frozen=True)
class LineConfig:
    """What a ``sip:`` or ``sip-listen:`` URL says."""

    bind: tuple[str, int]
    transport: str = "udp"
    account: Account | None = None
    voicemail: str | None = None
    divert_status: int | None = None
    #: Peers allowed to send requests; empty means any.
    allow: tuple[Network, ...] = field(default=())

    def allows(self, host: str) -> bool:
        if not self.allow:
            return True
        try:
            address = ipaddress.ip_address(host.split("%")[0])
        except ValueError:
            return False
        return any(address in network for network in self.allow)


class SipLine(ThreadedSource):
    """A SIP user agent that rings, never answers, and can divert."""

    kind = "sip"
    can_divert = True

    def __init__(
        self,
        url: str,
        config: LineConfig,
        clock: Clock = local_now,
        *,
        retry_first: float = RETRY_FIRST_S,
        retry_max: float = RETRY_MAX_S,
        retry_jitter: float = RETRY_JITTER,
    ) -> None:
        super().__init__(url, clock)
        self.config = config
        self.retry_first = retry_first
        self.retry_max = retry_max
        self.retry_jitter = retry_jitter
        self._lock = threading.RLock()
        self._selector = selectors.DefaultSelector()
        self._udp: socket.socket | None = None
        self._listener: socket.socket | None = None
        self._streams: dict[tuple[str, int], tuple[socket.socket, StreamFramer]] = {}
        self.callee: Callee | None = None
        self.registration: Registration | None = None
        #: The address actually bound (the port is chosen by the system when 0).
        self.address: tuple[str, int] = config.bind

    @property
    def malformed(self) -> int:
        return self.callee.malformed if self.callee else 0

    @property
    def rejected(self) -> int:
        return self.callee.rejected if self.callee else 0

    def prepare(self) -> None:
        """Bind the port and start registering, before the thread: a port in use is
        a ``SourceError`` for whoever opens the line, not a status later."""
        try:
            self._open_sockets()
        except OSError as exc:
            self._close_sockets()
            host, port = self.config.bind
            raise SourceError(
                f"{self.describe()}: cannot listen on {host}:{port} ({exc})"
            ) from None
        local = self._contact_address()
        user = self.config.account.user if self.config.account else "customscreen"
        self.callee = Callee(
            self._send,
            self.emit,
            clock=self.clock,
            voicemail=self.config.voicemail,
            divert_status=self.config.divert_status,
            allow=self.config.allows,
            contact=f"<sip:{user}@{local[0]}:{local[1]};transport={self.config.transport}>",
            on_response=self._on_response,
        )
        if self.config.account is not None:
            self.registration = Registration(
                self.config.account,
                send=self._send_to_registrar,
                on_status=self.status,
                local=local,
                retry_first=self.retry_first,
                retry_max=self.retry_max,
                retry_jitter=self.retry_jitter,
            )
            with self._lock:
                self.registration.start()
        else:
            host, port = self.address
            self.status(LineState.UP, f"listening on {self.config.transport} {host}:{port}")

    def release(self) -> None:
        with self._lock:
            if self.registration is not None:
                try:
                    self.registration.stop()
                except OSError:
                    log.info("could not unregister from %s", self.describe())
        self._close_sockets()

    def divert(self, key: str, action: str) -> bool:
        with self._lock:
            return self.callee.divert(key, action) if self.callee else False

    # -- the thread ----------------------------------------------------------------

    def run_round(self) -> float | None:
        """Wait for a datagram or a timer, whichever comes first, and serve it."""
        with self._lock:
            assert self.callee is not None
            delays = [self.callee.tick(), POLL_S]
            if self.registration is not None:
                delays.append(self.registration.tick())
        timeout = min(d for d in delays if d is not None)
        try:
            ready = self._selector.select(timeout)
        except (OSError, ValueError):
            if self.stopping:
                return None  # the sockets were closed under us by stop()
            raise
        for key, _ in ready:
            try:
                self._readable(key.fileobj)  # type: ignore[arg-type]
            except OSError as exc:
                log.info("SIP socket error: %s", exc)
            except Exception:  # a bug on one message must not cost the others
                log.exception("SIP line %s failed on a message", self.describe())
        return 0.0

    def _readable(self, sock: socket.socket) -> None:
        if sock is self._udp:
            data, address = sock.recvfrom(MAX_MESSAGE_SIZE + 1)
            self._deliver(data, Peer(address[0], address[1], "udp"))
        elif sock is self._listener:
            conn, address = sock.accept()
            self._adopt(conn, (address[0], address[1]))
        else:
            self._read_stream(sock)

    def _read_stream(self, sock: socket.socket) -> None:
        peer_address = next((a for a, (s, _) in self._streams.items() if s is sock), None)
        if peer_address is None:
            return
        data = sock.recv(RECV_CHUNK)
        framer = self._streams[peer_address][1]
        peer = Peer(peer_address[0], peer_address[1], "tcp")
        try:
            messages = framer.feed(data) if data else []
        except SipProtocolError as exc:
            log.info("closing SIP stream from %s: %s", peer_address, exc)
            with self._lock:
                if self.callee is not None:
                    self.callee.malformed += 1
            data = b""
            messages = []
        for message in messages:
            self._deliver(message, peer)
        if not data:
            self._drop(peer_address)

    def _deliver(self, data: bytes, peer: Peer) -> None:
        with self._lock:
            assert self.callee is not None
            self.callee.receive(data, peer)

    def _on_response(self, response: SipResponse, peer: Peer) -> None:
        if self.registration is not None:
            self.registration.on_response(response)

    # -- sockets -------------------------------------------------------------------

    def _open_sockets(self) -> None:
        host, port = self.config.bind
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        if self.config.transport == "udp":
            self._udp = socket.socket(family, socket.SOCK_DGRAM)
            self._udp.bind((host, port))
            self._selector.register(self._udp, selectors.EVENT_READ)
            self.address = self._udp.getsockname()[:2]
        else:
            self._listener = socket.socket(family, socket.SOCK_STREAM)
            self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self._listener.bind((host, port))
            self._listener.listen(16)
            self._selector.register(self._listener, selectors.EVENT_READ)
            self.address = self._listener.getsockname()[:2]

    def _close_sockets(self) -> None:
        for address in list(self._streams):
            self._drop(address)
        for sock in (self._udp, self._listener):
            if sock is not None:
                try:
                    self._selector.unregister(sock)
                except (KeyError, ValueError):
                    log.debug("socket was not registered")
                sock.close()
        self._udp = self._listener = None

    def _adopt(self, conn: socket.socket, address: tuple[str, int]) -> None:
        self._drop(address)
        self._streams[address] = (conn, StreamFramer())
        self._selector.register(conn, selectors.EVENT_READ)

    def _drop(self, address: tuple[str, int]) -> None:
        entry = self._streams.pop(address, None)
        if entry is not None:
            try:
                self._selector.unregister(entry[0])
            except (KeyError, ValueError):
                log.debug("stream was not registered")
            entry[0].close()

    def _send(self, data: bytes, peer: Peer) -> None:
        try:
            if peer.transport == "udp" and self._udp is not None:
                self._udp.sendto(data, (peer.host, peer.port))
            elif (peer.host, peer.port) in self._streams:
                self._streams[(peer.host, peer.port)][0].sendall(data)
        except OSError as exc:
            log.info("cannot send to %s:%s: %s", peer.host, peer.port, exc)

    def _registrar_address(self) -> tuple[str, int]:
        account = self.config.account
        assert account is not None
        info = socket.getaddrinfo(account.host, account.port or DEFAULT_SIP_PORT,
                                  type=socket.SOCK_DGRAM)
        address = info[0][4]
        return str(address[0]), int(address[1])

    def _send_to_registrar(self, data: bytes) -> None:
        try:
            address = self._registrar_address()
            if self.config.transport == "udp":
                self._send(data, Peer(*address, "udp"))
                return
            if address not in self._streams:
                conn = socket.create_connection(address, timeout=2)
                conn.settimeout(None)
                self._adopt(conn, address)
            self._send(data, Peer(*address, "tcp"))
        except OSError as exc:
            # Timer F of the registration turns this into "PBX not answering".
            log.info("cannot reach the registrar of %s: %s", self.describe(), exc)

    def _contact_address(self) -> tuple[str, int]:
        """Our address as the PBX sees it: the bound one, or the route towards the PBX."""
        host, port = self.address
        if host not in ("0.0.0.0", "::") or self.config.account is None:
            return host, port
        try:
            probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            try:
                probe.connect(self._registrar_address())
                return probe.getsockname()[0], port
            finally:
                probe.close()
        except OSError:
            return "127.0.0.1", port  # no route to the PBX now; registration will say so


def _networks(text: str, url: str) -> tuple[Network, ...]:
    try:
        return tuple(ipaddress.ip_network(p.strip(), strict=False) for p in text.split(",") if p)
    except ValueError as exc:
        raise SourceError(f"{mask_password(url)!r}: bad allow list ({exc})") from None


def _hostport(text: str, default_host: str, url: str) -> tuple[str, int]:
    host, _, port = text.rpartition(":") if text.count(":") == 1 or "]" in text else ("", "", text)
    host = host.strip("[]") or default_host
    if not port.isdigit() or int(port) > 65535:
        raise SourceError(f"{mask_password(url)!r}: bad address {text!r}; expected HOST:PORT")
    return host, int(port)


def parse_line_url(url: str) -> LineConfig:
    """Turn a ``sip:`` or ``sip-listen:`` URL into a :class:`LineConfig`, or say what is wrong."""
    shown = mask_password(url)  # the password, if any, never in a message
    parts = parse_url(url)
    query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
    unknown = set(query) - {"bind", "transport", "voicemail", "expires", "divert", "allow"}
    if unknown:
        raise SourceError(f"{shown!r}: unknown parameter(s) {', '.join(sorted(unknown))}")
    transport = query.get("transport", "udp").lower()
    if transport not in ("udp", "tcp"):
        raise SourceError(f"{shown!r}: transport must be udp or tcp, not {transport!r}")
    voicemail = query.get("voicemail") or None
    if voicemail is not None:
        try:
            parse_uri(voicemail)
        except SipProtocolError as exc:
            raise SourceError(f"{shown!r}: bad voicemail URI ({exc})") from None
    divert = query.get("divert")
    if divert not in (None, "486", "603"):
        raise SourceError(f"{shown!r}: divert must be 486 or 603, not {divert!r}")
    divert_status = int(divert) if divert else None
    if parts.scheme.lower() == "sip-listen":
        netloc = parts.netloc or "127.0.0.1:5060"
        bind = _hostport(netloc if ":" in netloc else f"{netloc}:{DEFAULT_SIP_PORT}", "127.0.0.1",
                         url)
        allow = _networks(query.get("allow") or ",".join(LOOPBACK), url)
        return LineConfig(bind, transport, None, voicemail, divert_status, allow)
    if not parts.username or parts.password is None or not parts.hostname:
        raise SourceError(f"{shown!r}: expected sip://USER:PASSWORD@PBX[:PORT]")
    expires_text = query.get("expires", "300")
    if not expires_text.isdigit() or not 60 <= int(expires_text) <= 86400:
        raise SourceError(f"{shown!r}: expires must be 60 to 86400 seconds")
    account = Account(unquote(parts.username), unquote(parts.password), parts.hostname,
                      parts.port, transport, int(expires_text))
    bind = _hostport(query.get("bind", "0.0.0.0:0"), "0.0.0.0", url)
    allow = _networks(query["allow"], url) if query.get("allow") else ()
    return LineConfig(bind, transport, account, voicemail, divert_status, allow)


def open_url(url: str, clock: Clock = local_now) -> SipLine:
    return SipLine(url, parse_line_url(url), clock)

