"""Calculated questions: what a serve costs (draw + render, a chart) and what an import's validation
costs, for every shipped template. Baselines in the same run: the same equilibrium model written as
plain Python (what our expression closures cost over native code), and the statistics chart the bot
already draws (what a template's chart costs next to it)."""
from __future__ import annotations

import asyncio
import time
from datetime import date
from pathlib import Path

from actors.calculated import compile_template, draw, load_templates, render, render_chart, validate_template
from actors.calculated.expressions import compile_expression
from app.bot.charts import ChartTexts, DayBar, ThemeBar, progress_png
from app.paths import DATA_DIR
from bench.stats import print_table

SERVES = 2000
CHARTS = 20


def _templates():
    return [t for path in sorted((Path(DATA_DIR) / "questions" / "templates").glob("*.json"))
            for t in load_templates(path.read_bytes(), path.name, validate=False).templates]


def _per_call(function, count: int) -> float:
    started = time.perf_counter()
    for index in range(count):
        function(index)
    return (time.perf_counter() - started) / count * 1000


def _model_ours_vs_python() -> tuple[float, float]:
    scope = dict.fromkeys("abde", "number")
    p = compile_expression("(a + e) / (b + d)", scope)
    q = compile_expression("a - b * p", {**scope, "p": "number"})
    ok = compile_expression("whole(p) and q > 0", {**scope, "p": "number", "q": "number"})

    def ours(i: int) -> bool:
        env = {"a": 100.0 + i % 7, "b": 2.0, "d": 3.0, "e": 10.0}
        env["p"] = p(env)
        env["q"] = q(env)
        return ok(env)

    def native(i: int) -> bool:
        a, b, d, e = 100.0 + i % 7, 2.0, 3.0, 10.0
        price = (a + e) / (b + d)
        return price == round(price) and a - b * price > 0
    return _per_call(ours, 100_000), _per_call(native, 100_000)


async def main() -> dict[str, str]:
    templates = _templates()
    started = time.perf_counter()
    compiled = [compile_template(t) for t in templates]
    compile_ms = (time.perf_counter() - started) / len(compiled) * 1000
    serve_ms = _per_call(lambda i: render(compiled[i % len(compiled)], draw(compiled[i % len(compiled)], i)), SERVES)
    charted = [c for c in compiled if c.chart is not None]
    chart_ms = _per_call(lambda i: render_chart(charted[i % len(charted)], draw(charted[i % len(charted)], i)), CHARTS)
    texts = ChartTexts("По темам", "По дням", "ответы", "верно", "нет данных")
    themes = [ThemeBar(f"Тема {i}", 0.1 * i, 10 + i) for i in range(8)]
    days = [DayBar(date(2026, 1, d), 10, 6) for d in range(1, 31)]
    stats_ms = _per_call(lambda i: progress_png(themes, days, date(2026, 1, 30), texts), CHARTS)
    started = time.perf_counter()
    for template in templates:
        validate_template(template)
    validate_ms = (time.perf_counter() - started) / len(templates) * 1000
    ours_us, native_us = (v * 1000 for v in _model_ours_vs_python())
    print_table(f"calculated questions ({len(templates)} templates, {len(charted)} with charts)", [
        ("compile a template", f"{compile_ms:7.2f} ms"),
        ("draw + render a question", f"{serve_ms:7.3f} ms"),
        ("draw + chart PNG", f"{chart_ms:7.1f} ms   (the bot's stats chart: {stats_ms:.1f} ms)"),
        ("validate (1,000 draws)", f"{validate_ms:7.1f} ms per template"),
        ("equilibrium model", f"{ours_us:7.2f} µs ours, {native_us:.2f} µs plain Python ({ours_us / native_us:.1f}x)"),
    ])
    return {"calc_serve_ms": f"{serve_ms:.3f}", "calc_chart_ms": f"{chart_ms:.0f}",
            "calc_validate_ms": f"{validate_ms:.0f}"}


if __name__ == "__main__":
    asyncio.run(main())
