"""Precursor: tables, events and charts for the US–China fentanyl, tariff and overdose file."""

from analysis.errors import ContractError, DataError

__version__ = "0.1.0"
__all__ = ["ContractError", "DataError", "__version__"]
