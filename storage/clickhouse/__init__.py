"""ClickHouse: client factory, migrations, and the analytics batch writer."""
from storage.clickhouse.batch import TABLES, Row, RowBatch, RowWriter
from storage.clickhouse.client import ClickHouseTarget, open_session, parse_url
from storage.clickhouse.errors import ClickHouseMigrationError, ClickHouseUnavailable
from storage.clickhouse.migrate import migrate
from storage.clickhouse.writer import ClickHouseRejected, ClickHouseWriter

__all__ = ["TABLES", "ClickHouseMigrationError", "ClickHouseRejected", "ClickHouseTarget",
           "ClickHouseUnavailable", "ClickHouseWriter", "Row", "RowBatch", "RowWriter", "migrate",
           "open_session", "parse_url"]
