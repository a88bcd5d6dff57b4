"""The admin HTTP edge (/admin/api/v1, its own OpenAPI document): mailings, exports, bank tools.
Every route is admin-only; parse → ask an actor → render, as in app/api."""
