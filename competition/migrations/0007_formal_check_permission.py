"""The formal check's permission (``check_entry``).

The grant that stood here is a no-op now: ``competition/roles.py`` declares the
groups' permissions and competition's ``0018_sync_roles`` applies them. The
migration stays because deployed databases have applied it.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("competition", "0006_results_permissions"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="entry",
            options={
                "ordering": ["edition", "number", "pk"],
                "permissions": [
                    ("export_entry", "Może eksportować zgłoszenia"),
                    ("download_entryfile", "Może pobierać pliki zgłoszeń"),
                    ("check_entry", "Może przeprowadzać ocenę formalną"),
                ],
                "verbose_name": "zgłoszenie",
                "verbose_name_plural": "zgłoszenia",
            },
        ),
        migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop),
    ]
