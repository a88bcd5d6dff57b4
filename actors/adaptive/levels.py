"""Readable names of the rating levels (codes come from rating.level_of) in the supported locales."""
from __future__ import annotations

LEVEL_NAMES = {
    "ru": {"novice": "Новичок", "beginner": "Начинающий", "intermediate": "Уверенный",
           "advanced": "Продвинутый", "expert": "Эксперт"},
    "en": {"novice": "Novice", "beginner": "Beginner", "intermediate": "Intermediate",
           "advanced": "Advanced", "expert": "Expert"},
}


def level_name(level: str, locale: str) -> str:
    return LEVEL_NAMES.get(locale, LEVEL_NAMES["en"]).get(level, level)
