"""Which actors the process runs, with what they own. Subscriptions are written down here."""
from __future__ import annotations

from actors.auth.actor import AuthActor
from actors.runtime import ActorSystem
from actors.users.actor import UsersActor
from actors.users.routing import user_shard_key
from app.config import Settings
from app.paths import DATA_DIR
from app.wiring_training import spawn_bank_and_training
from storage.postgres import Database

USERS_SHARDS = 4


def spawn_actors(system: ActorSystem, settings: Settings, database: Database) -> None:
    """Spawns every concern's actor; each gets the repositories it owns and nothing else."""
    users = system.spawn("users", lambda: UsersActor(database, settings.admin_telegram_ids),
                         shards=USERS_SHARDS, shard_key=user_shard_key)
    system.spawn("auth", lambda: AuthActor(database, users))
    spawn_bank_and_training(system, database, DATA_DIR / "questions")
