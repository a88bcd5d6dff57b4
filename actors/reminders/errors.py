"""What can go wrong with reminder settings."""
from actors.errors import InvalidInput, NotFound


class UnknownTimezone(InvalidInput):
    """Unknown time zone: use an IANA name such as Europe/Moscow."""
    code = "unknown_timezone"

    def field_errors(self) -> list[tuple[str, str]]:
        return [("body.timezone", self.detail)]


class ReminderUserNotFound(NotFound):
    """No such user."""
    code = "user_not_found"
