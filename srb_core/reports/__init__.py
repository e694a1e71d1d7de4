"""Yearly reports (Berichtswesen): indicator values per year, money and posts, one-page report per Kita."""
from .values import MONEY, POSTS, ReportDataError, YearlyValues, load_yearly, template_csv

__all__ = ["MONEY", "POSTS", "ReportDataError", "YearlyValues", "load_yearly", "template_csv"]
