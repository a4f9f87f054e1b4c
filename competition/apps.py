from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompetitionConfig(AppConfig):
    """Editions of the competition, entries, formal check, jury and results."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "competition"
    verbose_name = _("Konkurs")
