"""Question counts per filter value ("faceted" counts) for the filter screens. READ-ONLY over the
bank's tables (questions, subjects, sources): the filters concern never writes them. The criteria
are training's own (candidates_repo.CRITERIA), so a count always equals what selection can draw.

Each facet counts with every *other* dimension of the selection applied: the number next to
"geography" is how many questions there would be with geography selected, all else kept."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from storage.postgres.candidates_repo import CRITERIA, QuestionCriteria
from storage.postgres.tx import Tx

FROM_MATCHING = """
    FROM questions q JOIN subjects s ON s.id = q.subject_id LEFT JOIN sources src ON src.id = q.source_id
    WHERE """ + CRITERIA
COUNT = "SELECT count(*) " + FROM_MATCHING
# facet -> (the grouped column, the criteria field that facet leaves out); columns are ours, not input.
FACETS = {
    "subjects": ("s.code", {"subjects": frozenset()}),
    "themes": ("q.theme_id", {"themes": frozenset()}),
    "sources": ("q.source_id", {"sources": frozenset()}),
    "stages": ("src.stage", {"stages": frozenset()}),
    "types": ("q.type", {"types": frozenset()}),
    "difficulties": ("q.difficulty", {"difficulty_min": 1, "difficulty_max": 5}),
}
FACET_SQL = {name: f"SELECT {column} AS value, count(*) AS questions {FROM_MATCHING} "
                   f"AND {column} IS NOT NULL GROUP BY {column}" for name, (column, _) in FACETS.items()}


class FacetCounts(BaseModel):
    model_config = ConfigDict(frozen=True)

    matching: int                   # questions matching the whole selection
    subjects: dict[str, int]        # code -> questions, the other dimensions applied
    themes: dict[int, int]
    sources: dict[int, int]
    stages: dict[str, int]
    types: dict[str, int]
    difficulties: dict[int, int]
    may_in_subway: int              # how many would match with "only may_in_subway" switched on


class FacetsRepository:
    async def count(self, tx: Tx, criteria: QuestionCriteria) -> int:
        return int(await tx.fetchval(COUNT, criteria.params()))

    async def counts(self, tx: Tx, criteria: QuestionCriteria) -> FacetCounts:
        found: dict[str, object] = {"matching": await self.count(tx, criteria)}
        for name, (_, cleared) in FACETS.items():
            rows = await tx.fetchall(FACET_SQL[name], criteria.model_copy(update=cleared).params())
            found[name] = {row["value"]: row["questions"] for row in rows}
        subway = criteria.model_copy(update={"only_may_in_subway": True})
        found["may_in_subway"] = await self.count(tx, subway)
        return FacetCounts.model_validate(found)
