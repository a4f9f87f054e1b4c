from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    """Staff sign-in: login throttling, session limits and their log events."""

    default = True
    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"
    verbose_name = _("Konta pracowników")

    def ready(self):
        from .signals import connect_signals

        connect_signals()


class UsersAdminConfig(WagtailUsersAppConfig):
    """wagtail.users with our user views (``users_admin.py``): the second
    factor's status and an administrator's reset of it."""

    user_viewset = "accounts.users_admin.UserViewSet"
