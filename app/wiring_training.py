"""Spawning the bank and training actors; app/actors_setup.py calls this once."""
from __future__ import annotations

from pathlib import Path

from actors.bank.actor import BankActor
from actors.bank.messages import QuestionsImported
from actors.runtime import ActorRef, ActorSystem, Message
from actors.training.actor import TrainingActor
from actors.training.filters import FiltersFor, no_filters
from actors.training.question_cache import QuestionCache
from app.paths import DATA_DIR
from storage.postgres import Database

SEED_QUESTIONS_DIR = DATA_DIR / "questions"
TRAINING_SHARDS = 4


def training_shard_key(message: Message) -> int:
    """Per-user order is kept (one user's messages go to one shard); admin messages go to shard 0."""
    return getattr(message, "user_id", 0)


def spawn_bank_and_training(system: ActorSystem, database: Database, data_dir: Path = SEED_QUESTIONS_DIR,
                            filters_for: FiltersFor | None = None, *,
                            shards: int = TRAINING_SHARDS) -> tuple[ActorRef, ActorRef]:
    """data_dir: the seed bank, loaded when the bank is empty. Training is sharded by user_id: every
    rule that spans users lives in PostgreSQL (unique served_id, row locks on a paper), so shards
    of different users never need to agree on anything in memory."""
    bank = system.spawn("bank", lambda: BankActor(database, seed_dir=data_dir))
    question_cache = QuestionCache()
    training = system.spawn("training", lambda: TrainingActor(database, filters_for or no_filters,
                                                              question_cache=question_cache),
                            shards=shards, shard_key=training_shard_key)
    system.subscribe(QuestionsImported, training)  # clears the shards' shared question cache
    return bank, training
