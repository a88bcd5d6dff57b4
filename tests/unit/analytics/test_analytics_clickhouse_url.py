"""APO_CLICKHOUSE_URL carries the server, the credentials and the database."""
from __future__ import annotations

import pytest

from storage.clickhouse import parse_url
from storage.clickhouse.migrate import MigrationFile


def test_credentials_and_database_come_out_of_the_url():
    target = parse_url("http://apo:s%40cret@clickhouse:8123/apo")
    assert (target.url, target.user, target.password, target.database) == (
        "http://clickhouse:8123/", "apo", "s@cret", "apo")
    assert parse_url("https://ch.example:8443/?database=stats").database == "stats"
    assert parse_url("http://127.0.0.1:8123").database == "default"


@pytest.mark.parametrize("url", ["tcp://clickhouse:9000/apo", "http://clickhouse:8123/apo;drop"])
def test_other_schemes_and_odd_database_names_are_refused(url):
    with pytest.raises(ValueError):
        parse_url(url)


def test_a_migration_file_splits_into_statements_without_comments():
    file = MigrationFile(1, "0001_x", "-- why\nCREATE TABLE a (x UInt8) ENGINE = Log;\n\n"
                                      "CREATE TABLE b (s String DEFAULT ';') ENGINE = Log;\n")
    assert file.statements() == ["CREATE TABLE a (x UInt8) ENGINE = Log",
                                 "CREATE TABLE b (s String DEFAULT ';') ENGINE = Log"]
