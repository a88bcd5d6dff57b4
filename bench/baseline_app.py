"""The baseline: a bare aiohttp app answering the same shapes as the training loop, no work behind it.

Run as its own process: python -m bench.baseline_app PORT
"""
from __future__ import annotations

import sys

from aiohttp import web

QUESTION = {"served_id": 1, "session_id": 1, "question_id": 1, "subject": "economics",
            "subject_name": "Экономика", "theme": "Спрос и предложение", "type": "one",
            "text": "Что произойдёт с равновесной ценой, если спрос вырастет при неизменном предложении?",
            "options": ["вырастет", "упадёт", "не изменится", "нельзя сказать"], "points": 3,
            "difficulty": 2, "image": None, "may_in_subway": True, "source": None}
RESULT = {"attempt_id": 1, "served_id": 1, "question_id": 1, "correct": True, "score": 1.0, "points": 3.0,
          "max_points": 3, "correct_answer": 0, "correct_answer_text": "1) вырастет",
          "explanation": "Рост спроса при неизменном предложении повышает равновесную цену."}


async def next_question(request: web.Request) -> web.Response:
    return web.json_response(QUESTION)


async def answer(request: web.Request) -> web.Response:
    await request.json()
    return web.json_response(RESULT)


def main() -> None:
    app = web.Application()
    app.router.add_get("/api/v1/training/next", next_question)
    app.router.add_post("/api/v1/training/answers", answer)
    web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), print=None, access_log=None)


if __name__ == "__main__":
    main()
