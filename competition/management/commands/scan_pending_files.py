"""Scan the files still waiting for the antivirus (clamd was down, or the task
queue lost the job). Run every few minutes (cron or a scheduler); safe to run
at any time and in parallel with the background task (a file is recorded once).

``--unscanned`` also scans files stored as "not scanned" (uploaded while no
scanner was configured, or before scanning existed).
"""

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count

from competition import scanning
from competition.models import EntryFile


class Command(BaseCommand):
    help = "Sprawdza programem antywirusowym pliki zgłoszeń czekające na skan."

    def add_arguments(self, parser):
        parser.add_argument(
            "--unscanned",
            action="store_true",
            help="Sprawdź też pliki oznaczone jako niesprawdzone.",
        )

    def handle(self, *args, unscanned=False, **options):
        if scanning.scanner() is None:
            raise CommandError(
                "No scanner configured: set CLAMD_SOCKET or CLAMD_HOST/CLAMD_PORT."
            )
        states = [EntryFile.ScanState.PENDING]
        if unscanned:
            states.append(EntryFile.ScanState.NOT_SCANNED)
        ids = list(
            EntryFile.objects.filter(scan_state__in=states)
            .order_by("uploaded_at", "pk")
            .values_list("pk", flat=True)
        )
        if unscanned:
            # The scan itself only starts from a "pending" file it was queued for
            # or one never scanned; mark them pending first so nobody opens them.
            EntryFile.objects.filter(pk__in=ids).update(
                scan_state=EntryFile.ScanState.PENDING
            )
        for pk in ids:
            scanning.scan(pk)
        counts = dict(
            EntryFile.objects.filter(pk__in=ids)
            .values_list("scan_state")
            .annotate(n=Count("pk"))
        )
        summary = ", ".join(f"{state}: {n}" for state, n in sorted(counts.items()))
        self.stdout.write(f"Scanned {len(ids)} files ({summary or 'none'}).")
        if counts.get(EntryFile.ScanState.PENDING):
            # Non-zero exit so the scheduler's alerting sees clamd is down.
            raise CommandError(
                f"{counts[EntryFile.ScanState.PENDING]} files are still pending."
            )
