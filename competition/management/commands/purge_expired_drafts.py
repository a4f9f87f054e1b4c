"""Delete expired drafts and files kept for forms that were never sent.

Run daily (cron or a scheduler); safe to run at any time.
"""

from django.core.management.base import BaseCommand

from competition.submission import purge_expired


class Command(BaseCommand):
    help = "Usuwa wygasłe wersje robocze zgłoszeń i porzucone pliki."

    def handle(self, *args, **options):
        drafts, files = purge_expired()
        self.stdout.write(f"Deleted {drafts} expired drafts and {files} files.")
