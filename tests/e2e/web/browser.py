"""What the browser tests do to a page: open the Mini App as Telegram would, take screenshots in
light and dark, check contrast and width."""
from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SCREENSHOTS = ROOT / ".cache" / "screenshots"

# Telegram's launch parameters, stored where the SDK's mockTelegramEnv stores them (sessionStorage
# "tapps/launchParams"), and a TelegramWebviewProxy that records the events the app posts.
MINI_APP_SCRIPT = """
(launch) => {
  sessionStorage.setItem("tapps/launchParams", JSON.stringify(launch));
  window.__telegramEvents = [];
  window.TelegramWebviewProxy = { postEvent: (name, data) => window.__telegramEvents.push([name, data]) };
}
"""

DARK_THEME = {"bg_color": "#212d3b", "secondary_bg_color": "#151e27", "section_bg_color": "#1d2733",
              "text_color": "#ffffff", "hint_color": "#7d8b99", "link_color": "#62bcf9",
              "button_color": "#2f6ea5", "button_text_color": "#ffffff", "destructive_text_color": "#ff6767",
              "section_separator_color": "#0d141c", "accent_text_color": "#62bcf9",
              "header_bg_color": "#242d39", "subtitle_text_color": "#7b8790"}


async def open_mini_app(page, app_url: str, init_data: str, theme: dict | None = None) -> None:
    launch = "&".join([
        "tgWebAppData=" + _quote(init_data), "tgWebAppVersion=8.0", "tgWebAppPlatform=tdesktop",
        "tgWebAppThemeParams=" + _quote(json.dumps(theme or DARK_THEME)),
    ])
    await page.add_init_script(f"({MINI_APP_SCRIPT})({json.dumps(launch)})")
    await page.goto(app_url)


def _quote(text: str) -> str:
    from urllib.parse import quote

    return quote(text, safe="")


async def snap(page, name: str, *, dark_too: bool = True) -> None:
    """.cache/screenshots/NAME-light.png and NAME-dark.png (prefers-color-scheme), the whole page;
    NAME.png alone inside the Mini App, whose colours are Telegram's theme."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    if not dark_too:
        await page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
        return
    await page.emulate_media(color_scheme="light")
    await page.screenshot(path=str(SCREENSHOTS / f"{name}-light.png"), full_page=True)
    if dark_too:
        await page.emulate_media(color_scheme="dark")
        await page.screenshot(path=str(SCREENSHOTS / f"{name}-dark.png"), full_page=True)
        await page.emulate_media(color_scheme="light")


async def fits_phone_width(page) -> bool:
    return await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


# WCAG 2.1 contrast of every visible text against the first opaque background behind it.
CONTRAST_SCRIPT = """
() => {
  const parse = (c) => {  // rgb(a)(…) in 0..255, or color(srgb …) in 0..1 (what color-mix() computes to)
    const m = c.match(/[\\d.]+/g).map(Number), k = c.startsWith("color(") ? 255 : 1;
    return {r: m[0] * k, g: m[1] * k, b: m[2] * k, a: m[3] ?? 1}; };
  const lum = ({r, g, b}) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const background = (el) => { for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor);
    if (c.a > 0.5) return c; } return {r: 255, g: 255, b: 255, a: 1}; };
  const failures = [];
  for (const el of document.querySelectorAll("body *")) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    const style = getComputedStyle(el);
    if (!own || el.closest("[aria-hidden=true]") || style.visibility === "hidden" || !el.getClientRects().length) continue;
    if (el.closest("button:disabled, fieldset:disabled, input:disabled")) continue;  // WCAG exempts inactive controls
    const fg = parse(style.color), bg = background(el);
    const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    const ratio = (hi + 0.05) / (lo + 0.05);
    const large = parseFloat(style.fontSize) >= 24 || (parseFloat(style.fontSize) >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) failures.push(`${el.tagName}.${el.className} "${el.textContent.trim().slice(0, 30)}": ${ratio.toFixed(2)}`);
  }
  return failures;
}
"""


async def contrast_failures(page) -> list[str]:
    return await page.evaluate(CONTRAST_SCRIPT)
