"""The auth concern's contract. Login/logout/authenticate live in actors.users.messages
(they are part of the identity contract the edges use); this adds what auth asks users for."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from actors.runtime import Message


class GetCredentials(Message):
    """Internal (auth -> users): the password hash behind an email, or None. Never sent by an edge."""
    email: str


class Credentials(BaseModel):
    model_config = ConfigDict(frozen=True)

    user_id: int
    password_hash: str | None
