"""What every importer shares: the report of what it did, the error of one row, and the refusal of a whole file.

An importer reads and checks all of its input first and writes only when all of it is right, in one transaction
(or, in an explicit partial mode, skips the rows it names). A refusal is an `ImportRefused` (each app has its own
subclass, so callers can tell whose import failed) whose `errors` say in Dutch where each problem is: a row and a
column (`RowError`), or a sentence that names the place itself. File readers for untrusted bytes are in `files.py`.
"""

from dataclasses import dataclass, field

SHOWN = 50  # problems named in the message of a refusal; `errors` keeps all of them


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"rij {self.row}, kolom {self.column}" if self.column else f"rij {self.row}"
        return f"{where}: {self.message}"


class ImportRefused(ValueError):
    """Nothing was imported. `errors` names each problem (a RowError or a Dutch sentence); str() lists them."""

    def __init__(self, errors: "str | RowError | list[str | RowError]"):
        self.errors = list(errors) if isinstance(errors, list | tuple) else [errors]
        text = "\n".join(str(error) for error in self.errors[:SHOWN])
        if len(self.errors) > SHOWN:
            text += f"\n(en nog {len(self.errors) - SHOWN})"
        super().__init__(text)


@dataclass
class ImportReport:
    """How many records an import made, changed and left as they were, plus notes for the person who ran it."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"{self.created} nieuw, {self.updated} bijgewerkt, {self.unchanged} ongewijzigd", *self.details()]
        return "; ".join(part for part in parts if part)

    def details(self) -> list[str]:
        """What an app's report adds to the summary; the notes by default."""
        return list(self.notes)
