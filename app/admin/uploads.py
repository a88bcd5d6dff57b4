"""Reading one uploaded file from a multipart/form-data body, with a size limit."""
from __future__ import annotations

from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError

from app.http import BadRequest, PayloadTooLarge, UnsupportedMediaType

CHUNK = 64 * 1024


async def read_upload(request: web.Request, limit: int, field: str = "file") -> tuple[bytes, str]:
    """(content, filename) of the part named `field`, the only part there may be."""
    if not request.content_type.startswith("multipart/form-data"):
        raise UnsupportedMediaType(f"Send the file as multipart/form-data in a part named `{field}`.")
    too_large = PayloadTooLarge(f"The file may be at most {limit // (1024 * 1024)} MB.")
    if request.content_length is not None and request.content_length > limit + CHUNK:
        raise too_large
    try:
        reader = await request.multipart()
        while (part := await reader.next()) is not None:
            if getattr(part, "name", None) != field:  # as the document says: that part alone
                raise BadRequest(f"The upload takes one part, named `{field}`, and nothing else.")
            chunks, size = [], 0
            while chunk := await part.read_chunk(CHUNK):
                size += len(chunk)
                if size > limit:
                    raise too_large
                chunks.append(chunk)
            return b"".join(chunks), part.filename or "upload"
    except (ValueError, AssertionError, HttpProcessingError):  # aiohttp's words for a malformed body
        # Not aiohttp's text: it quotes the bytes it could not read.
        raise BadRequest("The multipart body could not be read (a malformed part or part header).") from None
    raise BadRequest(f"No part named `{field}` in the upload.")
