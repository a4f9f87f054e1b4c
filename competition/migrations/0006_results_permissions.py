"""The results' permissions (``view_results``, ``publish_results``).

The grant that stood here is a no-op now: ``competition/roles.py`` declares the
groups' permissions and competition's ``0018_sync_roles`` applies them. The
migration stays because deployed databases have applied it.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("competition", "0005_jury_setup_permissions"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="decision",
            options={
                "permissions": [
                    ("view_results", "Może przeglądać ranking i decyzje"),
                    ("publish_results", "Może zamknąć ocenę i opublikować wyniki"),
                ],
                "verbose_name": "decyzja",
                "verbose_name_plural": "decyzje",
            },
        ),
        migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop),
    ]
