"""Pairs removed by hand are stored, no longer re-read from the audit log.

Until now a run worked out which pairs the secretariat had removed by hand from
every ``competition.assignment.changed`` log entry of the edition. This fills
the new table from those entries once: a pair whose last manual change was a
removal stays removed.
"""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

CHANGED = "competition.assignment.changed"


def removals_from_the_log(apps, schema_editor):
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    Entry = apps.get_model("competition", "Entry")
    JuryMember = apps.get_model("competition", "JuryMember")
    RemovedAssignment = apps.get_model("competition", "RemovedAssignment")
    last = {}
    changes = (
        ModelLogEntry.objects.filter(action=CHANGED)
        .order_by("timestamp", "pk")
        .values_list("data", "timestamp")
    )
    for data, timestamp in changes.iterator():
        data = data or {}
        if data.get("source") == "manual":
            last[(data["entry_id"], data["member_id"])] = (data["action"], timestamp)
    removed = {
        pair: timestamp
        for pair, (action, timestamp) in last.items()
        if action == "removed"
    }
    entry_ids = set(
        Entry.objects.filter(pk__in={pair[0] for pair in removed}).values_list(
            "pk", flat=True
        )
    )
    member_ids = set(
        JuryMember.objects.filter(pk__in={pair[1] for pair in removed}).values_list(
            "pk", flat=True
        )
    )
    RemovedAssignment.objects.bulk_create(
        [
            RemovedAssignment(entry_id=entry_id, member_id=member_id, removed_at=at)
            for (entry_id, member_id), at in removed.items()
            if entry_id in entry_ids and member_id in member_ids
        ],
        batch_size=500,
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("competition", "0016_merge_20261202_1314"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.CreateModel(
            name="RemovedAssignment",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                ("removed_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "entry",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="competition.entry",
                    ),
                ),
                (
                    "member",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="competition.jurymember",
                    ),
                ),
            ],
            options={
                "verbose_name": "przydział usunięty ręcznie",
                "verbose_name_plural": "przydziały usunięte ręcznie",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("entry", "member"),
                        name="one_removal_per_juror_and_entry",
                    )
                ],
            },
        ),
        migrations.RunPython(removals_from_the_log, migrations.RunPython.noop),
    ]
