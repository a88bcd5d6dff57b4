"""Read Bot API parameters from a request the way Telegram does.

aiogram posts form fields (urlencoded, or multipart when files are attached): plain strings stay
strings, everything else (numbers, booleans, reply_markup, entities...) is JSON-encoded, and an
uploaded file is a multipart part referenced as ``attach://<name>``. JSON bodies and query strings
are accepted too. Fields that are always strings are never JSON-decoded, so ``text="123"`` stays
the string ``"123"``.
"""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

from .errors import bad_request
from .models import Upload

STRING_FIELDS = frozenset({
    "text", "caption", "parse_mode", "callback_query_id", "inline_message_id", "file_id", "url",
    "secret_token", "ip_address", "description", "short_description", "name", "title", "emoji",
    "language_code", "message_effect_id", "business_connection_id", "query_id", "question",
    "photo", "document", "video", "audio", "animation", "voice", "video_note", "sticker", "thumbnail",
    "certificate", "custom_title", "invite_link",
})


def decode_field(key: str, raw: str) -> Any:
    if key in STRING_FIELDS:
        return raw
    try:
        return json.loads(raw)
    except ValueError:
        return raw


async def read_params(request: web.Request) -> dict[str, Any]:
    params: dict[str, Any] = {k: decode_field(k, v) for k, v in request.query.items()}
    if not request.can_read_body:
        return params
    ctype = request.content_type
    if ctype == "application/json":
        try:
            body = await request.json()
        except ValueError:
            raise bad_request("can't parse JSON request body") from None
        if isinstance(body, dict):
            params.update(body)
        return params
    if ctype == "multipart/form-data":
        uploads: dict[str, Upload] = {}
        reader = await request.multipart()
        while (part := await reader.next()) is not None:
            name = part.name or ""
            if part.filename is not None:
                uploads[name] = Upload(part.filename, bytes(await part.read()),
                                       part.headers.get("Content-Type"))
            else:
                params[name] = decode_field(name, await part.text())
        return _attach(params, uploads)
    form = await request.post()
    for key, value in form.items():
        params[key] = decode_field(key, value) if isinstance(value, str) else value
    return params


def _attach(params: dict[str, Any], uploads: dict[str, Upload]) -> dict[str, Any]:
    """Replace ``attach://name`` references by their uploads; a file posted under the field's own
    name (``document=@file``) is taken as is."""
    used: set[str] = set()
    for key, value in list(params.items()):
        if isinstance(value, str) and value.startswith("attach://"):
            ref = value.removeprefix("attach://")
            if ref not in uploads:
                raise bad_request(f"file {ref!r} must be uploaded as a multipart part")
            params[key] = uploads[ref]
            used.add(ref)
    for name, upload in uploads.items():
        if name not in used:
            params.setdefault(name, upload)
    return params
