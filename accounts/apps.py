from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Staff sign-in: login throttling, session limits and their log events."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"
    verbose_name = _("Konta pracowników")

    def ready(self):
        from .signals import connect_signals

        connect_signals()
