"""The secretariat's permissions to set up each edition's jury.

The grant that stood here is a no-op now: ``competition/roles.py`` declares the
groups' permissions and competition's ``0018_sync_roles`` applies them. The
migration stays because deployed databases have applied it.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("competition", "0004_jury_and_decisions")]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)
    ]
