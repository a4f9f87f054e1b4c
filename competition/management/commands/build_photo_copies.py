"""Make the clean copies (no EXIF) of entry photos that have none yet.

Copies are otherwise made on a photo's first view; run this once after
deploying, or before the jury phase, so no juror waits for one. Safe to run at
any time and more than once.
"""

from django.core.management.base import BaseCommand

from competition.photos import build_missing


class Command(BaseCommand):
    help = "Tworzy oczyszczone z metadanych (EXIF) kopie zdjęć zgłoszeń."

    def handle(self, *args, **options):
        made, failed = build_missing()
        self.stdout.write(f"Made {made} photo copies; {failed} failed.")
        if failed:
            self.stderr.write("See the log for the photos that failed.")
