"""Mounts the admin API: its routes, /admin/api/v1/openapi.json and the docs page /admin/api/docs."""
from __future__ import annotations

from aiohttp import web

from app.admin import bank_routes, export_routes, mailing_routes  # noqa: F401  (importing declares the routes)
from app.admin.spec import admin_api
from app.api.common import authenticate_admin


def setup_admin(app: web.Application) -> None:
    """Same bearer tokens as the user API; every route also needs users.is_admin as stored (else 403)."""
    admin_api.set_authenticator(authenticate_admin)
    admin_api.setup(app)
