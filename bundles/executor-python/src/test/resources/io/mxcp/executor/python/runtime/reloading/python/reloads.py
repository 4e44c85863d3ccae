from mxcp.runtime import reload_duckdb


def reload_writing(target):
    marker = "written by the payload"

    def replace_database():
        open(target, "w").write(marker)  # never closed: CPython writes it at once, GraalPy when collected

    reload_duckdb(replace_database, "write the marker")
    return "queued"


def reload_failing():
    def replace_database():
        raise ValueError("the new database file is missing")

    reload_duckdb(replace_database)
    return "queued"


def reload_plain():
    reload_duckdb()
    return "queued"


def reload_with_a_string():
    reload_duckdb("not a function")


def write_unclosed(target):
    open(target, "w").write("written by the call")
    return "written"
