"""Editors and moderators keep the advocates' directory up to date.

The grant that stood here is a no-op now: ``competition/roles.py`` declares the
groups' permissions and competition's ``0018_sync_roles`` applies them. The
migration stays because deployed databases have applied it.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("home", "0007_advocates"), ("home", "0005_editorial_workflow")]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)
    ]
