"""A small horizontal bar chart drawn with QPainter (QtCharts is not part of QGIS's Qt).

One bar per category (township), longest first, the category's name on the left, its
value at the end of the bar, a value axis with round ticks underneath. Rates run from 0
to 100 % with a dashed line at a threshold; bars under it are drawn in red. A category
without a value (a rate without violations) shows a dash and no bar.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from qgis.PyQt.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont, QPainter, QPalette, QPen
from qgis.PyQt.QtWidgets import QSizePolicy, QToolTip, QWidget

from ..toolbelt.i18n import tr

BAR_COLOUR = QColor(59, 115, 185)
LOW_COLOUR = QColor(200, 70, 60)
# Texts, axis and grid: the palette's text colour, more or less faint (light and dark
# themes alike).
MUTED_ALPHA, AXIS_ALPHA, GRID_ALPHA = 170, 150, 38
MARGIN = 8
GAP = 6
ROW_HEIGHT = 24
MINIMUM_ROW_HEIGHT = 18  # rows shrink to this before the chart needs scrolling
BAR_SHARE = 0.66  # of a row's height
MAX_LABEL_SHARE = 0.4  # of the width, for the names on the left
TICKS = 4  # about this many steps on the value axis


def nice_step(maximum: float, ticks: int = 5) -> float:
    """A round tick step (1, 2, 2.5 or 5 × 10ⁿ) giving about ``ticks`` intervals."""
    if not maximum > 0 or not math.isfinite(maximum):
        return 1.0
    rough = maximum / ticks
    power = 10 ** math.floor(math.log10(rough))
    for factor in (1, 2, 2.5, 5, 10):
        if factor * power >= rough:
            return factor * power
    return 10 * power


def _plain_number(value: float) -> str:
    return f"{value:g}"


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


class BarChart(QWidget):
    """``set_data(labels, values, …)``; ``bars()`` gives what is drawn, in order."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("LandCaseBarChart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self._title = ""
        self._bars: list[tuple[str, float | None]] = []
        self._format: Callable[[float], str] = _plain_number
        self._tick_format: Callable[[float], str] = _plain_number
        self._fixed_maximum: float | None = None
        self._threshold: float | None = None
        self._empty_text = tr("Nothing to show.")
        self._bar_rects: list[QRectF] = []

    # -- data --------------------------------------------------------------------------

    def set_data(
        self,
        labels: Sequence[str],
        values: Sequence[float | None],
        title: str = "",
        value_format: Callable[[float], str] | None = None,
        tick_format: Callable[[float], str] | None = None,
        maximum: float | None = None,
        threshold: float | None = None,
        empty_text: str | None = None,
    ) -> None:
        """Bars for ``labels`` and ``values`` (None or NaN: no bar), sorted longest first
        (ties and missing values keep the given order, missing values last); values are
        shown with ``value_format``, the axis's ticks with ``tick_format``. ``maximum``
        fixes the end of the axis (1.0 for rates); ``threshold`` draws a dashed line and
        colours the bars under it."""
        bars = [
            (str(label), None if _missing(value) else float(value))
            for label, value in zip(labels, values)
        ]
        present = [bar for bar in bars if bar[1] is not None]
        present.sort(key=lambda bar: -bar[1])  # stable: ties keep the given order
        self._bars = present + [bar for bar in bars if bar[1] is None]
        self._title = title
        self._format = value_format or _plain_number
        self._tick_format = tick_format or _plain_number
        self._fixed_maximum = maximum
        self._threshold = threshold
        if empty_text is not None:
            self._empty_text = empty_text
        self.updateGeometry()
        self.update()

    def clear(self, empty_text: str | None = None) -> None:
        self.set_data([], [], "", empty_text=empty_text)

    def bars(self) -> list[tuple[str, float | None]]:
        """(label, value) of each bar, top to bottom."""
        return list(self._bars)

    def title(self) -> str:
        return self._title

    def axis_maximum(self) -> float:
        return self._axis()[0]

    def _axis(self) -> tuple[float, float]:
        """The end of the value axis and its tick step: a whole number of round steps
        at or above the largest value (or the fixed maximum)."""
        if self._fixed_maximum is not None:
            return self._fixed_maximum, nice_step(self._fixed_maximum, TICKS)
        largest = max((value for _label, value in self._bars if value is not None), default=0.0)
        if largest <= 0:
            return 1.0, nice_step(1.0, TICKS)
        step = nice_step(largest, TICKS)
        return math.ceil(largest / step - 1e-9) * step, step

    # -- size ----------------------------------------------------------------------------

    def _title_height(self) -> int:
        return self.fontMetrics().height() + GAP if self._title else 0

    def _title_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def sizeHint(self):
        rows = max(len(self._bars), 3)
        height = MARGIN * 2 + self._title_height() + rows * ROW_HEIGHT
        return QSize(360, height + self.fontMetrics().height() + GAP)

    def minimumSizeHint(self):
        rows = max(len(self._bars), 1)
        height = MARGIN * 2 + self._title_height() + rows * MINIMUM_ROW_HEIGHT
        return QSize(220, height + self.fontMetrics().height() + GAP)

    # -- drawing -----------------------------------------------------------------------

    def paintEvent(self, _event):
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        text_colour = palette.color(QPalette.ColorRole.Text)
        muted_colour, axis_colour, grid_colour = (
            QColor(text_colour.red(), text_colour.green(), text_colour.blue(), alpha)
            for alpha in (MUTED_ALPHA, AXIS_ALPHA, GRID_ALPHA)
        )
        metrics = self.fontMetrics()
        width, height = self.width(), self.height()
        self._bar_rects = []

        top = MARGIN
        if self._title:
            painter.setFont(self._title_font())
            painter.setPen(text_colour)
            title_rect = QRectF(MARGIN, top, width - 2 * MARGIN, metrics.height())
            title = painter.fontMetrics().elidedText(
                self._title, Qt.TextElideMode.ElideRight, int(title_rect.width())
            )
            painter.drawText(
                title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title
            )
            painter.setFont(self.font())
            top += metrics.height() + GAP
        if not self._bars:
            painter.setPen(muted_colour)
            painter.drawText(
                QRectF(0, top, width, height - top), Qt.AlignmentFlag.AlignCenter, self._empty_text
            )
            return

        maximum, step = self._axis()
        texts = [self._format(v) if v is not None else "—" for _label, v in self._bars]
        label_width = min(
            max(metrics.horizontalAdvance(label) for label, _value in self._bars),
            int(width * MAX_LABEL_SHARE),
        )
        value_width = max(metrics.horizontalAdvance(text) for text in texts)
        left = MARGIN + label_width + GAP
        right = width - MARGIN - value_width - GAP
        # The last tick label is centred on the axis's end: keep it inside the widget.
        right = min(
            right, width - MARGIN - metrics.horizontalAdvance(self._tick_format(maximum)) / 2
        )
        axis_height = metrics.height() + GAP
        row = min(
            ROW_HEIGHT,
            max(MINIMUM_ROW_HEIGHT, (height - top - MARGIN - axis_height) / len(self._bars)),
        )
        bottom = top + row * len(self._bars)
        span = max(right - left, 1)

        def x_of(value: float) -> float:
            return left + span * max(0.0, min(value, maximum)) / maximum

        # grid and tick labels
        painter.setPen(QPen(grid_colour, 1))
        ticks = [step * i for i in range(int(math.floor(maximum / step + 1e-9)) + 1)]
        for tick in ticks:
            x = round(x_of(tick)) + 0.5
            painter.setPen(QPen(grid_colour, 1))
            painter.drawLine(QPointF(x, top), QPointF(x, bottom))
            painter.setPen(muted_colour)
            text = self._tick_format(tick)
            text_width = metrics.horizontalAdvance(text)
            painter.drawText(
                QRectF(x - text_width / 2 - 2, bottom + 2, text_width + 4, metrics.height()),
                Qt.AlignmentFlag.AlignCenter,
                text,
            )
        if self._threshold is not None and 0 < self._threshold < maximum:
            x = round(x_of(self._threshold)) + 0.5
            pen = QPen(LOW_COLOUR, 1, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(x, top), QPointF(x, bottom))

        # bars, names and values
        bar_height = max(6, round(row * BAR_SHARE))
        for number, ((label, value), text) in enumerate(zip(self._bars, texts)):
            y = top + row * number
            painter.setPen(text_colour)
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width)
            painter.drawText(
                QRectF(MARGIN, y, label_width, row),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                shown,
            )
            bar_top = round(y + (row - bar_height) / 2)
            end = left
            if value is not None and value > 0:
                end = x_of(value)
                rect = QRectF(left, bar_top, max(1.0, round(end - left)), bar_height)
                low = self._threshold is not None and value < self._threshold
                painter.fillRect(rect, LOW_COLOUR if low else BAR_COLOUR)
                self._bar_rects.append(rect)
                end = rect.right()
            else:
                self._bar_rects.append(QRectF(left, bar_top, 0, bar_height))
            painter.setPen(text_colour if value is not None else muted_colour)
            painter.drawText(
                QRectF(end + GAP / 2, y, value_width + GAP, row),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                text,
            )

        # the axis
        painter.setPen(QPen(axis_colour, 1))
        painter.drawLine(QPointF(left + 0.5, top), QPointF(left + 0.5, bottom))
        painter.drawLine(QPointF(left, bottom + 0.5), QPointF(right, bottom + 0.5))

    # -- tool tips ---------------------------------------------------------------------

    def event(self, event):
        if event.type() == QEvent.Type.ToolTip:
            position = event.pos()
            for (label, value), rect in zip(self._bars, self._bar_rects):
                if rect.top() - 3 <= position.y() <= rect.bottom() + 3:
                    text = self._format(value) if value is not None else "—"
                    QToolTip.showText(event.globalPos(), f"{label}: {text}", self)
                    return True
            QToolTip.hideText()
            event.ignore()
            return True
        return super().event(event)
