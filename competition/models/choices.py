"""The choices of an edition's settings and its phase."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Aggregation(models.TextChoices):
    MEAN = "mean", _("średnia")
    MEDIAN = "median", _("mediana")
    TRIMMED_MEAN = "trimmed_mean", _("średnia obcięta")


class TieBreakOrder(models.TextChoices):
    """Declared tie-break sequences (``scoring.py`` codes, applied in order)."""

    CRITERION_MEDIAN_CHAIR = (
        "highest_weight_criterion,median,chair_decision",
        _("najważniejsze kryterium → mediana → decyzja przewodniczącego"),
    )
    MEDIAN_CRITERION_CHAIR = (
        "median,highest_weight_criterion,chair_decision",
        _("mediana → najważniejsze kryterium → decyzja przewodniczącego"),
    )
    CHAIR = "chair_decision", _("decyzja przewodniczącego")


class AssignmentMode(models.TextChoices):
    ALL = "all", _("każdy juror kategorii ocenia każde zgłoszenie")
    BALANCED = "balanced", _("zrównoważony: k jurorów na zgłoszenie")


class Phase(models.TextChoices):
    UPCOMING = "upcoming", _("nabór jeszcze się nie rozpoczął")
    OPEN = "open", _("nabór trwa")
    CLOSED = "closed", _("nabór zakończony")
    JURY = "jury", _("ocena jury")
    RESULTS = "results", _("wyniki ogłoszone")
