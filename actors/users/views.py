"""Record -> view: what leaves the users actor never carries the password hash."""
from __future__ import annotations

from actors.users.errors import UserNotFound
from actors.users.messages import UserView
from storage.postgres.users_repo import UserRecord


def to_view(record: UserRecord | None) -> UserView:
    if record is None:
        raise UserNotFound()
    return UserView.model_validate(record.model_dump(exclude={"password_hash"}))
