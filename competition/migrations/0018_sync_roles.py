"""The staff groups and their permissions, from ``competition/roles.py``.

Until now each permission came with a data migration of its own (competition's
0001, 0003, 0005–0007, 0010, 0013; home's 0002, 0005, 0008), each with its own
copy of the group names; those are no-ops now, and this gives the groups what
the table in ``roles.py`` says. It runs after the last migration of every app
whose permissions the table lists, so that no earlier grant (Wagtail's migrations
hand "choose image" to every group with admin access) comes after it.

Unlike most data migrations it imports app code: ``sync_roles`` takes the
historical models and creates the permission rows ``post_migrate`` has not made
yet. A later change of the table needs a new migration that calls it again.
"""

from django.db import migrations

from competition.roles import sync_roles


def sync(apps, schema_editor):
    sync_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("competition", "0017_removed_assignment"),
        ("home", "0010_footer_english_texts"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(sync, migrations.RunPython.noop)]
