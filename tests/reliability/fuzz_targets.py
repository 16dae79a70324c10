"""The five inputs a stranger controls, each fuzzed in its own worker process.

Each function runs ``count`` mutated inputs through one parser and returns a
:class:`FuzzRun`; the test runs them two at a time (CI has two cores).
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path
from unittest import mock

from customscreen.contacts import sheets, vcard
from telephony.fritzbox import CallMonitor
from telephony.modem.parser import ModemParser
from telephony.sip.errors import SipProtocolError
from telephony.sip.message import parse_message
from tests.reliability.fuzzing import FuzzRun, Mutator, fuzz
from tests.vectors import all_cases

SEED = 20261123


CSV_SEEDS = [
    ("Nom;Société;Téléphone;Portable;Contrat;Fin de contrat;Toujours;Notes\n"
     "Dupont;Dupont SARL;05 36 49 01 23;06 39 98 12 34;actif;31/03/2027;oui;client fidèle\n"
     "Martin;;0536490177 / 0199001234;;expiré;;non;\n").encode(),
    ("Kind,Name,Company,Phone,Mobile,Fax,Other phone,Email,Address,Contract,"
     "Contract reference,Contract start,Contract end,Level,Always,Blocked,Notes,Chaudière\n"
     "company,Dupont SARL,,+33536490123,,,,a@b.fr,\"1 rue X\nToulouse\",active,C-1,"
     "2026-01-01,2027-01-01,Confort,yes,,\"a, b\",Frisquet\n"
     "person,Jeanne Dupont,Dupont SARL,,+33639981234,,,,,none,,,,,,yes,\n").encode("cp1252"),
    b"Name\tPhone\tBlocked\nRobert'); DROP TABLE contacts;--\t0536490999\tx\n",
]
VCARD_SEEDS = [
    b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jeanne Dupont\r\nN:Dupont;Jeanne;;;\r\n"
    b"ORG:Dupont SARL\r\nTEL;TYPE=WORK,VOICE:05 36 49 01 23\r\nTEL;TYPE=CELL:+33 6 39 98 12 34"
    b"\r\nEMAIL:j@d.fr\r\nADR;TYPE=WORK:;;1 rue X;Toulouse;;31000;France\r\n"
    b"NOTE:cliente\\, fid\xc3\xa8le\\nsuite\r\n  pli\xc3\xa9e\r\n"
    b"X-CUSTOMSCREEN-CONTRACT:active\r\nEND:VCARD\r\n",
    b"BEGIN:VCARD\nVERSION:4.0\nFN:Garage Martin\nKIND:org\nTEL;VALUE=uri;TYPE=work:"
    b"tel:+33-5-36-49-01-77\nitem1.TEL:0199001234\nEND:VCARD\nBEGIN:VCARD\nVERSION:4.0\n"
    b"ORG:Transports Leblanc\nTEL:02 61 91 44 55\nEND:VCARD\n",
]


def decoded(data: bytes) -> str:
    """What an import reads of a file's bytes (``reading.scan`` chooses the encoding)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def modem(count: int) -> FuzzRun:
    corpus = [c["raw"].encode("latin-1") for c in all_cases("modem")]
    parser = ModemParser()  # one parser for the whole stream: its buffers must stay bounded
    clock = [datetime(2026, 11, 23, tzinfo=UTC)]

    def feed(data: bytes) -> None:
        clock[0] += timedelta(seconds=1)
        parser.feed(data, clock[0])
        parser.tick(clock[0])

    return fuzz("modem parser", Mutator(corpus, SEED).inputs(count), feed)


def sip(count: int) -> FuzzRun:
    corpus = [c["raw"].encode("utf-8") for c in all_cases("sip")]
    return fuzz("SIP parser", Mutator(corpus, SEED).inputs(count), parse_message,
                (SipProtocolError,))


def fritzbox(count: int) -> FuzzRun:
    corpus = [(c["raw"] + "\r\n").encode("latin-1") for c in all_cases("fritzbox")]
    monitor = CallMonitor()
    now = datetime(2026, 11, 23, tzinfo=UTC)
    return fuzz("FRITZ!Box monitor", Mutator(corpus, SEED).inputs(count),
                lambda data: monitor.feed(data, now))


class _QuickSniffer:
    """The standard library's ``csv.Sniffer`` on every 10th input, a quick guess otherwise.

    The Sniffer counts each of 127 characters on every line: 0.5 ms an input,
    more than all of our own parsing, and it is Python's code, not ours. The
    quick guess still sends ``,``, ``;`` and tab files into our rows.
    """

    calls = 0
    real = csv.Sniffer

    def sniff(self, sample: str, delimiters: str | None = None) -> type[csv.Dialect]:
        _QuickSniffer.calls += 1
        if _QuickSniffer.calls % 10 == 0:
            return self.real().sniff(sample, delimiters)
        first = sample.split("\n", 1)[0]
        delimiter = max(",;\t", key=first.count)
        if not first.count(delimiter):
            raise csv.Error("Could not determine delimiter")
        return type("Guessed", (csv.excel,), {"delimiter": delimiter})


def csv_rows(count: int) -> FuzzRun:
    path = Path("fuzz.csv")

    def feed(data: bytes) -> None:
        # In memory: the parser is fuzzed, not the disk (import_file is run on files apart).
        list(sheets.rows(path, io.StringIO(decoded(data), newline=""), "FR"))

    with mock.patch.object(sheets.csv, "Sniffer", _QuickSniffer):
        inputs = Mutator(CSV_SEEDS, SEED).inputs(count)
        return fuzz("CSV import", inputs, feed)


def vcards(count: int) -> FuzzRun:
    path = Path("fuzz.vcf")
    return fuzz("vCard import", Mutator(VCARD_SEEDS, SEED).inputs(count),
                lambda data: list(vcard.read(path, decoded(data), "FR")))


TARGETS = {"modem": modem, "sip": sip, "fritzbox": fritzbox, "csv": csv_rows, "vcard": vcards}


def run(name: str, count: int) -> FuzzRun:
    return TARGETS[name](count)
