"""spawn_bank_and_training: what app/wiring/actors.py calls. Seeded bank, sharded training, routing."""
from __future__ import annotations

from actors.bank.messages import GetCatalog
from actors.runtime import ActorSystem
from actors.training.filters import QuestionFilter
from actors.training.messages import GetNextQuestion, ListSimulationPapers
from app.wiring.concerns import spawn_bank_and_training


async def test_the_wired_actors_answer_through_the_system_routes(database, make_user):
    async def only_english(user_id: int) -> QuestionFilter:
        return QuestionFilter(subjects=frozenset({"english"}))

    system = ActorSystem()
    bank, training = spawn_bank_and_training(system, database, filters_for=only_english)
    await system.start()
    try:
        users = [await make_user() for _ in range(6)]
        views = [await system.ask(GetNextQuestion(user_id=u, channel="api")) for u in users]
        assert {v.subject for v in views} == {"english"}
        assert len(training.shards) == 4 and sum(s.metrics.handled for s in training.shards) == 6
        assert sum(s.metrics.handled > 0 for s in training.shards) > 1  # users spread over shards
        assert len((await system.ask(GetCatalog())).subjects) == 4
        assert await system.ask(ListSimulationPapers()) and bank.name == "bank"
    finally:
        await system.stop()
