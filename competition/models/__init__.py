from .categories import Category, Criterion, localized
from .entries import (
    AccessToken,
    Consent,
    Entry,
    EntryAnswer,
    EntryFile,
    EntryNumberSequence,
    Nomination,
    NomineeKind,
    Status,
)
from .pages import CompetitionIndexPage, CompetitionPage, Phase

__all__ = [
    "AccessToken",
    "Category",
    "CompetitionIndexPage",
    "CompetitionPage",
    "Consent",
    "Criterion",
    "Entry",
    "EntryAnswer",
    "EntryFile",
    "EntryNumberSequence",
    "NomineeKind",
    "Nomination",
    "Phase",
    "Status",
    "localized",
]
