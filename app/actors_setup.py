"""Which actors the process runs, with what they own. Subscriptions are written down here."""
from __future__ import annotations

from actors.runtime import ActorSystem
from app.config import Settings
from storage.postgres import Database


def spawn_actors(system: ActorSystem, settings: Settings, database: Database) -> None:
    """Spawns every concern's actor; each gets the repositories it owns and nothing else."""
