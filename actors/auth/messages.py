"""The auth concern's contract. Login/logout/authenticate live in actors.users.messages
(they are part of the identity contract the edges use); this adds what auth asks users for."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from actors.runtime import Message
from actors.users.messages import RegisterAccount


class GetCredentials(Message):
    """Internal (auth -> users): the password hash behind an email, or None. Never sent by an edge."""
    email: str


class Credentials(BaseModel):
    model_config = ConfigDict(frozen=True)

    user_id: int
    password_hash: str | None


class RegisterFromAddress(Message):
    """REST registration from a client address: throttled per address (RateLimited), then
    RegisterAccount (EmailTaken); a registering address is known to the account's login throttle.
    A taken email counts as a failed login from that address, since its password is checked."""
    registration: RegisterAccount
    client_address: str
