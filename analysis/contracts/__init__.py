"""Every table of the kit, declared once; loaders, the store, charts and tests use these."""

from analysis.contracts.base import Check, Column, Table, describe, validate
from analysis.contracts.news import ARTICLES, EVENTS
from analysis.contracts.overdose import OVERDOSE
from analysis.contracts.seizures import SEIZURES
from analysis.contracts.tariffs import TARIFF_ACTIONS, TARIFF_RATES
from analysis.contracts.trade import TRADE

TABLES: dict[str, Table] = {
    t.name: t for t in (OVERDOSE, SEIZURES, TRADE, TARIFF_ACTIONS, TARIFF_RATES, ARTICLES, EVENTS)
}


def get(name: str) -> Table:
    """The contract called `name`; the error lists the declared tables."""
    try:
        return TABLES[name]
    except KeyError:
        from analysis.errors import DataError

        msg = f"unknown table '{name}'"
        raise DataError(
            msg,
            expected="one of " + ", ".join(TABLES),
            fix="pick a declared table",
        ) from None


__all__ = [
    "ARTICLES",
    "EVENTS",
    "OVERDOSE",
    "SEIZURES",
    "TABLES",
    "TARIFF_ACTIONS",
    "TARIFF_RATES",
    "TRADE",
    "Check",
    "Column",
    "Table",
    "describe",
    "get",
    "validate",
]
