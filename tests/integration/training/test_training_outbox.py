"""Training writes every event with its fact, and the row holds the very event the relay delivers
at once: the next-question statement builds QuestionServed in SQL, the answer statement puts the
attempt's id into AnswerSubmitted, so a redelivery from the table equals the first delivery."""
from __future__ import annotations

from actors.training.messages import GetNextQuestion, SkipQuestion, SubmitAnswer
from storage.postgres.tx import OutboxConfig, RecordedEvent
from tests.integration.training.conftest import Backend, FakeClock, start_backend


async def test_each_training_step_records_the_event_the_relay_would_rebuild(database, make_user):
    recorded: list[RecordedEvent] = []
    database.relay_to(OutboxConfig(), recorded.extend)  # nobody relays here: the rows stay
    clock, events = FakeClock(), []
    system, bank, training = start_backend(database, clock, events, {})
    await system.start()
    assert [type(e.event).__name__ for e in recorded] == ["QuestionsImported"]  # the seed bank's
    recorded.clear()
    try:
        await _steps(Backend(system, bank, training, database, clock, events), await make_user(), recorded)
    finally:
        await system.stop()


async def _steps(backend: Backend, user: int, recorded: list[RecordedEvent]) -> None:
    shown = await backend.training.ask(GetNextQuestion(user_id=user, channel="api"))
    await backend.training.ask(SubmitAnswer(user_id=user, served_id=shown.served_id, channel="api",
                                            answer=await backend.right_answer(shown)))
    skipped = await backend.training.ask(GetNextQuestion(user_id=user, channel="bot"))
    await backend.training.ask(SkipQuestion(user_id=user, served_id=skipped.served_id))
    kinds = [type(entry.event).__name__ for entry in recorded]
    assert kinds == ["QuestionServed", "AnswerSubmitted", "QuestionServed", "QuestionSkipped"]
    async with backend.database.autocommit() as tx:
        rows = {r["id"]: r for r in await tx.fetchall(
            "SELECT id, event_type, user_key, payload FROM outbox WHERE user_key = %(user)s", {"user": user})}
    assert sorted(rows) == [entry.id for entry in recorded]
    for entry in recorded:
        row = rows[entry.id]
        assert (row["event_type"], row["user_key"]) == (type(entry.event).__name__, user)
        rebuilt = type(entry.event).model_validate(row["payload"])
        assert rebuilt == entry.event, (rebuilt, entry.event)
    served, answered = recorded[0].event, recorded[1].event
    assert (served.served_id, served.question_id, served.subject) == (shown.served_id, shown.question_id,
                                                                      shown.subject)
    assert answered.attempt_id > 0 and answered.correct
