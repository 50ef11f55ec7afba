"""Reading files and bodies that anyone may send (CSV, XLSX, JSON), within limits and with Dutch messages.

Each reader refuses what would cost too much or what the database cannot store, before the data reaches an
importer: a CSV with an unterminated quote or an endless cell, a zip that unpacks to gigabytes, JSON nested
thousands deep, text with a NUL character (PostgreSQL refuses U+0000 in text). A refusal is a `FileProblem`
that names the row and column where it can; each importer turns it into its own error type.
"""

import csv
import io
import zipfile
from typing import Any

import orjson

NUL = "\x00"


class FileProblem(ValueError):
    """What is wrong with a file, in Dutch; `row` counts from 1 (the header), `column` from 0 (None: unknown)."""

    def __init__(self, message: str, row: int = 0, column: int | None = None):
        self.message, self.row, self.column = message, row, column
        super().__init__(message)


# JSON ----------------------------------------------------------------------------------------------------------


def load_json(data: bytes, *, max_bytes: int, max_depth: int) -> Any:
    """Parse JSON with orjson (no NaN or Infinity) and refuse a body that is too large, too deep or holds NUL."""
    if len(data) > max_bytes:
        raise FileProblem(f"de JSON is groter dan {max_bytes // 1024} kB")
    try:
        document = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        if "depth" in str(exc) or "recursion" in str(exc):
            raise FileProblem(f"de JSON is dieper genest dan {max_depth} niveaus") from None
        raise FileProblem(f"dit is geen geldige JSON (regel {exc.lineno}, teken {exc.colno})") from None
    check_json(document, max_depth=max_depth)
    return document


def check_json(document: Any, *, max_depth: int) -> None:
    """Refuse nesting deeper than `max_depth` and text with a NUL character, anywhere in the document."""
    stack = [(document, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            if NUL in value:
                raise FileProblem("de JSON bevat een NUL-teken (\\u0000); dat kan niet worden opgeslagen")
        elif isinstance(value, dict | list):
            if depth > max_depth:
                raise FileProblem(f"de JSON is dieper genest dan {max_depth} niveaus")
            if isinstance(value, dict):
                stack.extend((key, depth) for key in value)
                stack.extend((item, depth + 1) for item in value.values())
            else:
                stack.extend((item, depth + 1) for item in value)


# CSV -----------------------------------------------------------------------------------------------------------


def csv_delimiter(text: str) -> str:
    """';' when the first line has more semicolons than commas (Dutch Excel), else ','."""
    first = text.split("\n", 1)[0]
    return ";" if first.count(";") > first.count(",") else ","


def read_csv(text: str, *, max_rows: int, max_cell: int) -> list[list[str]]:
    """The records of a CSV text (the header first), strictly parsed.

    An unterminated quote, text after a closing quote, a cell longer than `max_cell` characters or with a NUL
    character is a FileProblem naming its row and column; more than `max_rows` records after the header too.
    """
    delimiter = csv_delimiter(text)
    lines = io.StringIO(text, newline="").readlines()
    reader = csv.reader(iter(lines), delimiter=delimiter, strict=True)
    records: list[list[str]] = []
    while True:
        row = len(records) + 1
        start = reader.line_num
        try:
            record = next(reader)
        except StopIteration:
            return records
        except csv.Error as exc:
            raise _diagnose(lines, start, delimiter, row, max_cell, exc) from None
        for column, cell in enumerate(record):
            if len(cell) > max_cell:
                raise FileProblem(f"de tekst is langer dan {max_cell} tekens", row, column)
            if NUL in cell:
                raise FileProblem("de cel bevat een NUL-teken; is dit wel een CSV-bestand?", row, column)
        records.append(record)
        if len(records) > max_rows + 1:
            raise FileProblem(f"het bestand heeft meer dan {max_rows} rijen; splits het bestand")


def _diagnose(lines: list[str], start: int, delimiter: str, row: int, max_cell: int, exc: csv.Error) -> FileProblem:
    """Find the cell of the record starting at `lines[start]` that the csv module could not read."""
    text = "".join(lines[start:])
    column = length = position = 0
    quoted = False
    while position < len(text):
        char = text[position]
        if quoted:
            if char == '"' and text[position + 1 : position + 2] == '"':  # a doubled quote is a quote in the cell
                length, position = length + 1, position + 2
                continue
            if char == '"':
                quoted = False
                if text[position + 1 : position + 2] not in ("", delimiter, "\r", "\n"):
                    return FileProblem(
                        'na een afsluitend aanhalingsteken (") hoort een scheidingsteken of het einde van de regel',
                        row,
                        column,
                    )
            else:
                length += 1
        elif char == delimiter:
            column, length = column + 1, 0
        elif char in "\r\n":
            break
        elif char == '"' and length == 0:
            quoted = True
        else:
            length += 1
        if length > max_cell:
            return FileProblem(f"de tekst is langer dan {max_cell} tekens", row, column)
        position += 1
    if quoted:
        return FileProblem('een aanhalingsteken (") wordt niet gesloten', row, column)
    return FileProblem(f"de regel is onleesbaar ({exc})", row, column)


# Zip (XLSX) ----------------------------------------------------------------------------------------------------


def check_zip(content: bytes, *, max_members: int, max_total: int, max_ratio: int) -> None:
    """Refuse a zip (an XLSX is one) that unpacks to more than it should, before any library opens it.

    The member count and the sizes the directory declares are checked first; then every member is unpacked in
    chunks and counted, so a member that lies about its size is caught too. Nothing is kept in memory.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise FileProblem("het bestand is geen geldig xlsx-bestand (geen zip)") from None
    with archive:
        members = archive.infolist()
        if len(members) > max_members:
            raise FileProblem(f"het xlsx-bestand bevat meer dan {max_members} onderdelen")
        declared = sum(member.file_size for member in members)
        if declared > max_total:
            raise FileProblem(_too_large(max_total))
        total = 0
        for member in members:
            limit = max(member.compress_size, 1024) * max_ratio
            if member.file_size > limit:
                raise FileProblem("het xlsx-bestand is verdacht sterk ingepakt (een zip-bom?)")
            unpacked = 0
            try:
                with archive.open(member) as stream:
                    while chunk := stream.read(1 << 20):
                        unpacked += len(chunk)
                        total += len(chunk)
                        if unpacked > member.file_size or unpacked > limit:
                            raise FileProblem("het xlsx-bestand is verdacht sterk ingepakt (een zip-bom?)")
                        if total > max_total:
                            raise FileProblem(_too_large(max_total))
            except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, OSError, EOFError):
                raise FileProblem("het xlsx-bestand is beschadigd") from None


def _too_large(max_total: int) -> str:
    return f"het xlsx-bestand is uitgepakt groter dan {max_total // (1024 * 1024)} MB; splits het bestand"
