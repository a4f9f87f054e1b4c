"""An administrator's reset of a user's second factor (lost phone), logged."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts import second_factor


class Command(BaseCommand):
    help = "Remove a user's authenticator and backup codes; they enrol again."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--reason", required=True, help="Why (recorded in the log)."
        )
        parser.add_argument(
            "--by", required=True, help="The administrator doing the reset."
        )

    def handle(self, username, reason, by, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist as error:
            raise CommandError(f"No user {username!r}.") from error
        # The administrator's account when ``--by`` names one, so the user's
        # history shows who; otherwise the name is kept in the event only.
        administrator = User.objects.filter(
            **{User.USERNAME_FIELD: by}, is_superuser=True
        ).first()
        second_factor.reset_by_administrator(user, reason, by=administrator or by)
        self.stdout.write(f"Second factor of {username} removed; they enrol again.")
