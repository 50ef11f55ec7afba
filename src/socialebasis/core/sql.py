"""Small helpers for the few statements written by hand."""


def array_literal(values) -> str:
    """A PostgreSQL array literal of numbers (None as NULL), to pass as one parameter with a cast (`%s::bigint[]`).

    psycopg binds a Python list element by element, which costs about 1.5 µs per element on the client: 3 ms for
    the 2,000 candidate ids of a broad text search. One text parameter costs a tenth of that.
    """
    return "{" + ",".join("NULL" if value is None else repr(value) for value in values) + "}"
