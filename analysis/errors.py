"""The one error type for bad input, built so its message is a single actionable line."""

from __future__ import annotations

from pathlib import Path


class DataError(Exception):
    """Input that cannot be read: names the file, line, column, what was expected and the fix."""

    def __init__(
        self,
        message: str | None = None,
        *,
        file: str | Path | None = None,
        line: int | None = None,
        column: str | None = None,
        expected: str | None = None,
        found: object = None,
        fix: str | None = None,
    ) -> None:
        self.file = str(file) if file is not None else None
        self.line = line
        self.column = column
        self.expected = expected
        self.found = found
        self.fix = fix
        self.detail = message
        super().__init__(self._render())

    def _render(self) -> str:
        where = self.file or "<input>"
        if self.line is not None:
            where += f":{self.line}"
        parts = [where]
        if self.column is not None:
            parts.append(f"column '{self.column}'")
        if self.detail:
            parts.append(self.detail)
        if self.expected is not None:
            found = "" if self.found is None else f", found {_short(self.found)}"
            parts.append(f"expected {self.expected}{found}")
        elif self.found is not None:
            parts.append(f"found {_short(self.found)}")
        if self.fix:
            parts.append(f"fix: {self.fix}")
        return ": ".join(parts[:1]) + ": " + "; ".join(parts[1:]) if len(parts) > 1 else where


class ContractError(DataError):
    """A frame that breaks its table's declared contract."""


def _short(value: object, limit: int = 80) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
