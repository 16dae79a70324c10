"""The Qt binding can carry a working day of calls: signals emitted many times.

PySide6 6.12.0 lost a reference to ``True`` on every ``Signal.emit``; after a
few thousand notices the desk aborted ("bool_dealloc"). pyproject excludes
that release; this test keeps it out.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_a_hundred_thousand_signals_from_a_line_thread_do_not_crash_the_desk() -> None:
    program = textwrap.dedent("""
        import threading
        from PySide6.QtCore import QCoreApplication, QObject, Signal

        app = QCoreApplication([])

        class Bridge(QObject):
            announced = Signal(object)
            line_changed = Signal(str, str, str)
            done = Signal()

        bridge = Bridge()
        seen = []
        bridge.announced.connect(seen.append)
        bridge.line_changed.connect(lambda *a: seen.append(a))
        bridge.done.connect(app.quit)

        def line() -> None:
            for i in range(50_000):
                bridge.announced.emit(("call", i))
                bridge.line_changed.emit("modem", "up", "")
            bridge.done.emit()

        threading.Thread(target=line).start()
        app.exec()
        print(len(seen))
    """)
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "100000"
