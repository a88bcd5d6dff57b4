"""What can go wrong with exports, as domain error kinds the edges understand."""
from __future__ import annotations

from actors.errors import Conflict, InvalidInput, NotFound


class ExportNotFound(NotFound):
    """No such export, or its file has expired."""
    code = "export_not_found"


class ExportNotReady(Conflict):
    """The export is still running, or it failed."""
    code = "export_not_ready"


class ExportRejected(InvalidInput):
    """The export's parameters do not fit together."""
    code = "export_rejected"


class ExportMailingNotFound(ExportRejected):
    """There is no such mailing to export the results of."""
    code = "export_mailing_not_found"


class TooManyExports(Conflict):
    """Several exports are running already; try again when one has finished."""
    code = "too_many_exports"
