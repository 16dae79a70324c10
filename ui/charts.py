"""The manager's charts, drawn with QPainter (QtCharts is not part of our Qt)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui import i18n

INK = QColor("#37474f")
BAR = QColor("#1565c0")
OUTCOME_COLOURS = {
    "answered": QColor("#2e7d32"), "missed": QColor("#c62828"),
    "diverted": QColor("#ef6c00"), "blocked": QColor("#6d4c41"),
}


class Chart(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.title = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(420, 220)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        painter.setPen(INK)
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(QRectF(8, 4, self.width() - 16, 20), Qt.AlignmentFlag.AlignLeft,
                         self.title)
        font.setBold(False)
        painter.setFont(font)
        self.draw(painter, QRectF(8, 28, self.width() - 16, self.height() - 36))
        painter.end()

    def draw(self, painter: QPainter, area: QRectF) -> None:
        painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("No data"))


class PerDayChart(Chart):
    """Calls per day as bars; weekends (no calls) stay visible as gaps."""

    def __init__(self) -> None:
        super().__init__()
        self.per_day: dict[date, int] = {}

    def draw(self, painter: QPainter, area: QRectF) -> None:
        if not self.per_day:
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("No calls in this period"))
            return
        first, last = min(self.per_day), max(self.per_day)
        days = (last - first).days + 1
        peak = max(self.per_day.values())
        left = 40.0
        plot = QRectF(area.left() + left, area.top(), area.width() - left, area.height() - 18)
        painter.drawText(QRectF(area.left(), plot.top() - 6, left - 4, 14),
                         Qt.AlignmentFlag.AlignRight, i18n.number(peak))
        painter.drawText(QRectF(area.left(), plot.bottom() - 8, left - 4, 14),
                         Qt.AlignmentFlag.AlignRight, "0")
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        width = plot.width() / days
        for day, n in self.per_day.items():
            x = plot.left() + (day - first).days * width
            height = plot.height() * n / peak
            painter.fillRect(QRectF(x + width * 0.1, plot.bottom() - height,
                                    max(1.0, width * 0.8), height), BAR)
        painter.drawText(QRectF(plot.left(), plot.bottom() + 2, 120, 14),
                         Qt.AlignmentFlag.AlignLeft, i18n.day(first))
        painter.drawText(QRectF(plot.right() - 120, plot.bottom() + 2, 120, 14),
                         Qt.AlignmentFlag.AlignRight, i18n.day(last))


class HeatMap(Chart):
    """Weekday by hour: where the calls concentrate, darker is busier."""

    FIRST_HOUR, LAST_HOUR = 7, 20  # the office day; night calls are rare and shown in 7 / 20

    def __init__(self) -> None:
        super().__init__()
        self.heat: list[list[int]] = [[0] * 24 for _ in range(7)]

    def draw(self, painter: QPainter, area: QRectF) -> None:
        hours = list(range(self.FIRST_HOUR, self.LAST_HOUR + 1))
        peak = max((max(row) for row in self.heat), default=0) or 1
        left, top = 44.0, 16.0
        cell_w = (area.width() - left) / len(hours)
        cell_h = (area.height() - top) / 7
        names = i18n.weekday_names()
        for h_index, hour in enumerate(hours):
            if hour % 2 == 0:
                painter.drawText(QRectF(area.left() + left + h_index * cell_w, area.top(),
                                        cell_w * 2, top), Qt.AlignmentFlag.AlignLeft, f"{hour}h")
        for weekday in range(7):
            y = area.top() + top + weekday * cell_h
            painter.drawText(QRectF(area.left(), y, left - 4, cell_h),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             names[weekday])
            for h_index, hour in enumerate(hours):
                n = self.heat[weekday][hour]
                level = n / peak
                colour = QColor.fromRgbF(1 - 0.9 * level, 1 - 0.6 * level, 1 - 0.2 * level)
                rect = QRectF(area.left() + left + h_index * cell_w, y, cell_w - 1, cell_h - 1)
                painter.fillRect(rect, colour)


class OutcomeBars(Chart):
    """Answered / missed / diverted / blocked as horizontal bars with their counts."""

    def __init__(self) -> None:
        super().__init__()
        self.outcomes: dict[str, int] = {}

    def draw(self, painter: QPainter, area: QRectF) -> None:
        total = sum(self.outcomes.values()) or 1
        label_w = 110.0
        row_h = min(34.0, area.height() / max(1, len(self.outcomes)))
        for index, (code, n) in enumerate(self.outcomes.items()):
            y = area.top() + index * row_h
            painter.drawText(QRectF(area.left(), y, label_w - 6, row_h),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             i18n.outcome(code))
            width = (area.width() - label_w - 110) * n / total
            painter.fillRect(QRectF(area.left() + label_w, y + 5, max(1.0, width), row_h - 10),
                             OUTCOME_COLOURS.get(code, BAR))
            painter.drawText(QRectF(area.left() + label_w + width + 6, y, 104, row_h),
                             Qt.AlignmentFlag.AlignVCenter,
                             f"{i18n.number(n)} ({i18n.share(n / total)})")


class ShareDonut(Chart):
    """The share of calls from callers under contract."""

    def __init__(self) -> None:
        super().__init__()
        self.share = 0.0
        self.caption = ""

    @property
    def figure(self) -> str:
        """The share written in the ring, as the printed report writes it."""
        return i18n.share(self.share)

    def draw(self, painter: QPainter, area: QRectF) -> None:
        side = min(area.width() * 0.5, area.height()) - 8
        ring = QRectF(area.left() + 10, area.top() + (area.height() - side) / 2, side, side)
        pen = QPen(QColor("#e0e0e0"), side / 6)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        inner = ring.adjusted(side / 12, side / 12, -side / 12, -side / 12)
        painter.setPen(pen)
        painter.drawArc(inner, 0, 360 * 16)
        pen.setColor(QColor("#2e7d32"))
        painter.setPen(pen)
        painter.drawArc(inner, 90 * 16, -int(360 * 16 * self.share))
        painter.setPen(INK)
        font = painter.font()
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(inner, Qt.AlignmentFlag.AlignCenter, self.figure)
        font.setPointSize(font.pointSize() - 4)
        font.setBold(False)
        painter.setFont(font)
        text_area = QRectF(ring.right() + 16, area.top(), area.right() - ring.right() - 16,
                           area.height())
        painter.drawText(text_area, Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
                         self.caption)
