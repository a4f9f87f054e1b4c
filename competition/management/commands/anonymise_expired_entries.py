"""Anonymise the entries of editions past their personal-data retention date.

Run daily (cron or a scheduler) after ``purge_expired_drafts``; safe to run at
any time and more than once: an entry is anonymised once. ``--dry-run`` lists
what would be done and changes nothing.
"""

from django.core.management.base import BaseCommand

from competition import anonymisation, retention


class Command(BaseCommand):
    help = (
        "Anonimizuje zgłoszenia edycji, których okres przechowywania danych "
        "osobowych minął."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only list the editions and entries that would be anonymised.",
        )

    def handle(self, *args, dry_run=False, **options):
        total_entries = total_files = 0
        for edition in retention.expired_editions():
            entries = edition.entries.filter(anonymised_at=None).order_by(
                "number", "pk"
            )
            if not entries:
                continue
            until = retention.retention_date(edition)
            self.stdout.write(f"{edition.code}: retention ended {until:%Y-%m-%d}")
            for entry in entries:
                if dry_run:
                    done = anonymisation.plan(entry)
                else:
                    done = anonymisation.anonymise(entry)
                    if done is None:
                        continue
                total_entries += 1
                total_files += done.files
                self.stdout.write(
                    f"  {entry}: {done.files} files, {done.tokens} private links"
                )
        verb = "Would anonymise" if dry_run else "Anonymised"
        self.stdout.write(f"{verb} {total_entries} entries and {total_files} files.")
