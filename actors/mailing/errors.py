"""What can go wrong with mailings, as domain error kinds the edges understand."""
from __future__ import annotations

from actors.errors import Conflict, InvalidInput, NotFound


class MailingNotFound(NotFound):
    """No such mailing."""
    code = "mailing_not_found"


class MailingStateConflict(Conflict):
    """The mailing cannot do that in its current state."""
    code = "mailing_state_conflict"


class InvalidHtml(InvalidInput):
    """The text is not valid Telegram HTML."""
    code = "invalid_html"


class SenderUnavailable(Conflict):
    """The bot is not configured (APO_BOT_TOKEN), so nothing can be sent."""
    code = "sender_unavailable"


class NoTelegramChat(Conflict):
    """This account has no linked Telegram user to send a preview to."""
    code = "no_telegram_chat"


class PreviewFailed(Conflict):
    """Telegram did not deliver the preview."""
    code = "preview_failed"
