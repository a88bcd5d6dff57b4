"""The statistics chart: PNG bytes for typical and nearly empty data, quickly, off the event loop."""
from __future__ import annotations

import struct
import threading
import time
from datetime import date, timedelta

from app.bot import charts
from app.bot.charts import ChartTexts, DayBar, ThemeBar, progress_png

PNG = b"\x89PNG\r\n\x1a\n"
TODAY = date(2026, 3, 10)
TEXTS = ChartTexts(themes_title="Точность по темам", days_title="Ответы за 30 дней", answers="ответы",
                   correct="верные", no_data="Пока нет данных")


def size(png: bytes) -> tuple[int, int]:
    assert png.startswith(PNG) and png[12:16] == b"IHDR"
    return struct.unpack(">II", png[16:24])


def themes(n: int) -> list[ThemeBar]:
    return [ThemeBar(f"Тема номер {i} с довольно длинным названием раздела", (i % 5) / 4, 3 + i)
            for i in range(n)]


def test_typical_data_renders_a_readable_png_quickly():
    days = [DayBar(TODAY - timedelta(days=i), 5 + i % 4, 3 + i % 2) for i in range(0, 40, 2)]
    started = time.perf_counter()
    png = progress_png(themes(12), days, TODAY, TEXTS)
    assert time.perf_counter() - started < 5.0  # ~0.2 s on an idle machine
    width, height = size(png)
    assert width == 800 and 500 <= height <= 1200 and len(png) > 10_000


def test_nearly_empty_data_still_renders():
    one_theme = progress_png([ThemeBar("Картография", 1.0, 1)], [DayBar(TODAY, 1, 1)], TODAY, TEXTS)
    nothing = progress_png([], [], TODAY, TEXTS)
    zero_attempts = progress_png([ThemeBar("Климат", 0.0, 0)], [DayBar(TODAY - timedelta(days=400), 2, 0)],
                                 TODAY, TEXTS)
    for png in (one_theme, nothing, zero_attempts):
        assert size(png)[0] == 800 and len(png) > 1024
    assert nothing != one_theme


def test_more_themes_make_a_taller_chart_but_at_most_eight_are_drawn():
    heights = [size(progress_png(themes(n), [], TODAY, TEXTS))[1] for n in (2, 8, 30)]
    assert heights[0] < heights[1] == heights[2]


async def test_render_progress_runs_in_a_worker_thread(monkeypatch):
    threads = []

    def spy(*args):
        threads.append(threading.current_thread())
        return progress_png(*args)

    monkeypatch.setattr(charts, "progress_png", spy)
    png = await charts.render_progress(themes(3), [DayBar(TODAY, 2, 1)], TODAY, TEXTS, days_back=90)
    assert threads and threads[0] is not threading.main_thread()
    assert png == progress_png(themes(3), [DayBar(TODAY, 2, 1)], TODAY, TEXTS, 90)
