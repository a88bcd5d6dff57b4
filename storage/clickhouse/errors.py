"""Errors of the ClickHouse storage, independent of the driver."""


class ClickHouseMigrationError(Exception):
    """A ClickHouse migration could not be applied, or the ledger disagrees with the files."""


class ClickHouseUnavailable(Exception):
    """ClickHouse did not answer or refused a request; the caller spools and tries later."""
