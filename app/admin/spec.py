"""The admin API's declaration; route modules decorate handlers on it. Every route is admin=True."""
from app.http import ApiSpec

admin_api = ApiSpec(
    title="APO Trainer Admin API", version="1", prefix="/admin/api/v1",
    description="Administration of APO Trainer: broadcast mailings, xlsx exports, the question bank and "
                "question reports. Needs the bearer token of an administrator; everyone else gets 403.",
)
