"""Olympiad simulation over REST: a timed paper, verdicts only at the end."""
from __future__ import annotations

from aiohttp import web

from actors.training.messages import (AnswerSimulationQuestion, FinishSimulation, GetActiveSimulation,
                                      GetSimulation, ListSimulationPapers, SimulationAnswerSaved,
                                      SimulationPaper, SimulationResult, SimulationView, StartSimulation)
from actors.users.messages import UserView
from app.api.common import ask
from app.api.schemas import (PapersQuery, SimulationAnswerPath, SimulationAnswerRequest, SimulationPath,
                             StartSimulationRequest)
from app.api.spec import api
from app.http import NotFound


@api.get("/simulations/papers", query=PapersQuery, response=list[SimulationPaper], tags=["simulations"],
         auth=True)
async def list_papers(request: web.Request, query: PapersQuery, principal: UserView) -> list[SimulationPaper]:
    """Papers (olympiad, stage, year, subject) with enough questions for a simulation."""
    return await ask(request, ListSimulationPapers(size=query.size))


@api.post("/simulations", body=StartSimulationRequest, response=SimulationView, status=201,
          tags=["simulations"], auth=True, errors=[404, 409])
async def start_simulation(request: web.Request, body: StartSimulationRequest,
                           principal: UserView) -> SimulationView:
    """Start a timed paper; the deadline is enforced on the server."""
    return await ask(request, StartSimulation(user_id=principal.id, channel="api", **body.model_dump()))


@api.get("/simulations/active", response=SimulationView, tags=["simulations"], auth=True, errors=[404])
async def active_simulation(request: web.Request, principal: UserView) -> SimulationView:
    """Your unfinished paper (or the one that just ran out of time, with its result)."""
    view = await ask(request, GetActiveSimulation(user_id=principal.id))
    if view is None:
        raise NotFound("You have no simulation in progress.")
    return view


@api.get("/simulations/{simulation_id}", path=SimulationPath, response=SimulationView, tags=["simulations"],
         auth=True, errors=[404])
async def get_simulation(request: web.Request, path: SimulationPath, principal: UserView) -> SimulationView:
    """A paper with time left; after the deadline it is finished and carries the result."""
    return await ask(request, GetSimulation(user_id=principal.id, simulation_id=path.simulation_id))


@api.put("/simulations/{simulation_id}/answers/{served_id}", path=SimulationAnswerPath,
         body=SimulationAnswerRequest, response=SimulationAnswerSaved, tags=["simulations"], auth=True,
         errors=[404, 409])
async def answer_simulation(request: web.Request, path: SimulationAnswerPath, body: SimulationAnswerRequest,
                            principal: UserView) -> SimulationAnswerSaved:
    """Save (or replace) an answer; no verdict until the paper is finished."""
    return await ask(request, AnswerSimulationQuestion(user_id=principal.id, simulation_id=path.simulation_id,
                                                       served_id=path.served_id, answer=body.answer))


@api.post("/simulations/{simulation_id}/finish", path=SimulationPath, response=SimulationResult,
          tags=["simulations"], auth=True, errors=[404])
async def finish_simulation(request: web.Request, path: SimulationPath, principal: UserView) -> SimulationResult:
    """Hand the paper in: points, verdicts and a per-theme debrief."""
    return await ask(request, FinishSimulation(user_id=principal.id, simulation_id=path.simulation_id))
