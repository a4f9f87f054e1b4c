"""Editors write and submit; moderators approve and publish (issue 3).

Wagtail's first migrations made the "Editors"/"Moderators" groups and a
"Moderators approval" workflow on the root page. This names the workflow in
Polish. It also gave both groups what they need for our content (documents,
translations, news categories; site settings for moderators only): that is now
declared in ``competition/roles.py`` and applied by competition's
``0018_sync_roles``.
"""

from django.db import migrations

WORKFLOW_NAMES = {"Moderators approval": "Akceptacja moderatora"}


def polish_workflow_name(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore.Workflow")
    Task = apps.get_model("wagtailcore.Task")
    for old, new in WORKFLOW_NAMES.items():
        Workflow.objects.filter(name=old).update(name=new)
        Task.objects.filter(name=old).update(name=new)


def english_workflow_name(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore.Workflow")
    Task = apps.get_model("wagtailcore.Task")
    for old, new in WORKFLOW_NAMES.items():
        Workflow.objects.filter(name=new).update(name=old)
        Task.objects.filter(name=new).update(name=old)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_news"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(polish_workflow_name, english_workflow_name)]
