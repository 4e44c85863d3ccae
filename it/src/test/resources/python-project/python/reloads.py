"""reload_duckdb's classic use: a tool prepares a new database file beside the served one, and the reload's payload
puts it in place while every DuckDB connection is closed. The next generation then serves the new file."""
import os

from mxcp.runtime import db, reload_duckdb

MARKER = "swapped in by the payload"


def _served_file():
    return db.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()")[0]["path"]


def swap_database() -> str:
    served = _served_file()
    fresh = served + ".next"
    if os.path.exists(fresh):
        os.remove(fresh)
    db.execute("ATTACH '%s' AS fresh" % fresh.replace("'", "''"))
    db.execute("CREATE TABLE fresh.swapped AS SELECT '%s' AS marker" % MARKER)
    db.execute("DETACH fresh")

    def put_in_place():
        os.replace(fresh, served)

    reload_duckdb(put_in_place, "swap in the new database")
    return "reloading"


def database_marker() -> str:
    found = db.execute("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'swapped'")
    return db.execute("SELECT marker FROM swapped")[0]["marker"] if found[0]["n"] else "the original database"


def reload_failing() -> str:
    def put_in_place():
        raise FileNotFoundError("no new database to put in place")

    reload_duckdb(put_in_place, "a payload that fails")
    return "reloading"
