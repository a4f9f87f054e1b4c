"""Remind jurors of unfinished scoring when an edition's jury phase is ending.

Run daily (cron or a scheduler). Enqueues ``competition.tasks.remind_jurors``
for every edition whose jury phase closes within ``--days`` (3 by default) and
has not closed yet. Idempotent per day: an edition already reminded today (its
log has ``competition.jury.reminded`` dated today) is skipped, here and again
in the task.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone
from wagtail.models import Locale

from competition.jury_emails import reminded_today
from competition.models import CompetitionPage
from competition.tasks import remind_jurors


class Command(BaseCommand):
    help = "Przypomina jurorom o nieukończonej ocenie przed końcem fazy jury."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=3,
            help="Przypomnij, gdy do końca oceny zostało najwyżej tyle dni.",
        )

    def handle(self, *args, days, **options):
        now = timezone.now()
        editions = CompetitionPage.objects.filter(
            locale=Locale.get_default(),
            jury_opens_at__lte=now,
            jury_closes_at__gt=now,
            jury_closes_at__lte=now + timedelta(days=days),
        ).order_by("jury_closes_at", "pk")
        queued = 0
        for edition in editions:
            if edition.scoring_closed(now) or reminded_today(edition):
                continue
            remind_jurors.enqueue(edition.pk)
            queued += 1
            self.stdout.write(f"Queued jury reminders for {edition.code}.")
        self.stdout.write(f"{queued} edition(s) queued.")
