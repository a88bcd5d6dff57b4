"""The bot's gettext catalogs: complete, in step with the code, and compiled (.mo == .po).

A unit test (no server); it lives beside the bot tests it protects.
"""
from __future__ import annotations

import re

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from app.bot.i18n import DOMAIN, LOCALES, LOCALES_DIR

BOT_DIR = LOCALES_DIR.parent
HOW_TO = ("\nrun: .venv/bin/pybabel extract -k _ -o app/bot/locales/messages.pot app/bot && "
          ".venv/bin/pybabel update -i app/bot/locales/messages.pot -d app/bot/locales -D messages, "
          "translate, then .venv/bin/pybabel compile -d app/bot/locales -D messages")


def _po(locale: str) -> dict[str, str]:
    path = LOCALES_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.po"
    with path.open("rb") as f:
        catalog = read_po(f)
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert not fuzzy, f"{path}: fuzzy entries {fuzzy}" + HOW_TO
    return {m.id: m.string for m in catalog if m.id}


def _mo(locale: str) -> dict[str, str]:
    path = LOCALES_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.mo"
    assert path.exists(), f"{path} is missing" + HOW_TO
    with path.open("rb") as f:
        return {m.id: m.string for m in read_mo(f) if m.id}


def _in_code() -> set[str]:
    found = extract_from_dir(str(BOT_DIR), keywords={"_": None}, method_map=[("**.py", "python")])
    return {message for _, _, message, _, _ in found if isinstance(message, str)}


@pytest.mark.parametrize("locale", LOCALES)
def test_compiled_catalog_matches_its_po(locale):
    assert _mo(locale) == {k: v for k, v in _po(locale).items() if v}, \
        f"{locale}: messages.mo is older than or differs from messages.po" + HOW_TO


@pytest.mark.parametrize("locale", LOCALES)
def test_every_text_of_the_code_is_translated(locale):
    po, code = _po(locale), _in_code()
    assert not code - set(po), f"{locale}: texts missing from the catalog: {sorted(code - set(po))}" + HOW_TO
    assert not set(po) - code, f"{locale}: texts no longer in the code: {sorted(set(po) - code)}" + HOW_TO
    untranslated = [msgid for msgid, text in po.items() if not text.strip()]
    assert not untranslated, f"{locale}: untranslated {untranslated}" + HOW_TO


@pytest.mark.parametrize("locale", LOCALES)
def test_translations_keep_placeholders_and_html_tags(locale):
    for msgid, text in _po(locale).items():
        assert set(re.findall(r"{\w+}", msgid)) == set(re.findall(r"{\w+}", text)), (locale, msgid)
        assert re.findall(r"</?\w+>", msgid) == re.findall(r"</?\w+>", text), (locale, msgid)

