"""Internal contract of the sessions concern (Authenticate and LogOut are in actors.users.messages)."""
from __future__ import annotations

from actors.runtime import Message


class IssueToken(Message):
    """auth -> sessions after a successful login: a new bearer token for this user (and the
    UserLoggedIn event, recorded with the token)."""
    user_id: int
    log_fields = ("user_id",)
