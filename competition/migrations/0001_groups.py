"""The competition's staff groups (secretariat, jury).

The grant that stood here is a no-op now: ``competition/roles.py`` declares the
groups' permissions and competition's ``0018_sync_roles`` applies them. The
migration stays because deployed databases have applied it.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0005_editingsession_is_editing"),
    ]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)
    ]
