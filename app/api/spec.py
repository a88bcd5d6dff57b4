"""The user-facing API's declaration; route modules decorate handlers on it."""
from app.http import ApiSpec

api = ApiSpec(
    title="APO Trainer API", version="1", prefix="/api/v1",
    description="Train for school olympiads: the same account and progress as in the Telegram bot.",
)
