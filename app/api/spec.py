"""The user-facing API's declaration; route modules decorate handlers on it."""
from app.http import ApiSpec
from app.http.routes import BEARER_SCHEME

SECURITY_SCHEMES = {
    "bearerAuth": BEARER_SCHEME,
    "telegramInitData": {
        "type": "apiKey", "in": "header", "name": "Authorization",
        "description": "A Telegram Mini App's launch data: `Authorization: tma <initData>`, signed by the bot "
                       "(at most APO_WEBAPP_INIT_DATA_MAX_AGE_SECONDS old); the same account as in the bot, "
                       "registered on first use."},
    "sessionCookie": {
        "type": "apiKey", "in": "cookie", "name": "apo_session",
        "description": "The web app's session from POST /auth/session (HttpOnly, SameSite=Strict); requests "
                       "must also send the header `X-APO-Client`."},
}

api = ApiSpec(
    title="APO Trainer API", version="1", prefix="/api/v1",
    description="Train for school olympiads: the same account and progress as in the Telegram bot.",
    security_schemes=SECURITY_SCHEMES,
)
