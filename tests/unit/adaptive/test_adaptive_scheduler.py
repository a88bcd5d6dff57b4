"""The mistakes queue on FSRS: wrong -> due soon, right -> the interval grows, very slow -> hard."""
from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta, timezone

from actors.adaptive.scheduler import (
    SLOW_AFTER_MS,
    MistakesScheduler,
    Rating,
    grade_answer,
    interval,
)

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def scheduler() -> MistakesScheduler:
    return MistakesScheduler(fuzz=False)


def test_a_wrong_answer_opens_a_card_due_again_within_minutes():
    card = scheduler().review(None, Rating.Again, T0)
    assert card is not None and card.reviews == 1 and card.lapses == 0
    assert card.due_at == T0 + timedelta(minutes=1)


def test_a_mistake_is_tried_again_the_same_day_before_it_graduates_to_days():
    sched = scheduler()
    card = sched.review(None, Rating.Again, T0)
    again = sched.review(card, Rating.Again, card.due_at)
    assert interval(again) == timedelta(minutes=1)  # still not known: a minute more
    known = sched.review(again, Rating.Good, again.due_at)
    assert interval(known) == timedelta(minutes=10) and known.due_at.date() == T0.date()
    learned = sched.review(known, Rating.Good, known.due_at)
    assert learned.state == 2 and interval(learned) >= timedelta(days=1)


def test_a_quick_right_answer_to_a_question_without_a_card_opens_nothing():
    assert scheduler().review(None, Rating.Good, T0) is None


def test_a_very_slow_right_answer_counts_as_hard_and_opens_a_card():
    grade = grade_answer(True, SLOW_AFTER_MS["one"] + 1, "one")
    assert grade == Rating.Hard
    card = scheduler().review(None, grade, T0, SLOW_AFTER_MS["one"] + 1)
    assert card is not None and T0 + timedelta(minutes=1) < card.due_at < T0 + timedelta(minutes=10)


def test_grades():
    assert grade_answer(False, 1_000, "open") == Rating.Again
    assert grade_answer(True, 1_000, "open") == Rating.Good
    assert grade_answer(True, None, "open") == Rating.Good  # unknown time (a simulation): not slow
    assert grade_answer(True, SLOW_AFTER_MS["yes_no"], "yes_no") == Rating.Hard


def test_right_answers_at_each_due_date_make_the_interval_grow():
    sched = scheduler()
    card = sched.review(None, Rating.Again, T0)
    intervals = []
    for _ in range(6):
        card = sched.review(card, Rating.Good, card.due_at)
        intervals.append(interval(card))
    assert all(a < b for a, b in itertools.pairwise(intervals))
    assert intervals[0] == timedelta(minutes=10) and intervals[1] >= timedelta(days=1)
    assert intervals[-1] > timedelta(days=30) and card.state == 2 and card.reviews == 7


def test_forgetting_a_learned_question_brings_it_back_soon_and_counts_a_lapse():
    sched = scheduler()
    card = sched.review(None, Rating.Again, T0)
    for _ in range(3):
        card = sched.review(card, Rating.Good, card.due_at)
    long_gap = interval(card)
    lapsed = sched.review(card, Rating.Again, card.due_at)
    assert lapsed.lapses == 1 and lapsed.state == 3
    assert interval(lapsed) == timedelta(minutes=10) < long_gap


def test_hard_reviews_grow_slower_than_good_ones():
    sched = scheduler()
    start = sched.review(sched.review(None, Rating.Again, T0), Rating.Good, T0 + timedelta(minutes=1))
    start = sched.review(start, Rating.Good, start.due_at)
    good = sched.review(start, Rating.Good, start.due_at)
    hard = sched.review(start, Rating.Hard, start.due_at)
    assert interval(hard) < interval(good)


def test_times_from_the_database_in_any_zone_are_accepted():
    moscow = timezone(timedelta(hours=3))
    card = scheduler().review(None, Rating.Again, T0.astimezone(moscow))
    assert card.due_at.utcoffset() == timedelta(0)
    assert 0.0 < scheduler().retrievability(card, T0 + timedelta(hours=2)) <= 1.0
