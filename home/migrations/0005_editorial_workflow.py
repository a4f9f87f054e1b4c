"""Editors write and submit; moderators approve and publish (issue 3).

Wagtail's first migrations made the "Editors"/"Moderators" groups (renamed to
Polish in 0002) and a "Moderators approval" workflow on the root page. This gives
both groups what they need for our content (documents, translations, news
categories; site settings for moderators only) and names the workflow in Polish.
"""

from django.db import migrations

EDITOR_PERMISSIONS = [
    (
        "wagtail_localize",
        "translation",
        "submit_translation",
        "Can submit translations",
    ),
    ("home", "newscategory", "add_newscategory", "Can add news category"),
    ("home", "newscategory", "change_newscategory", "Can change news category"),
    ("home", "newscategory", "delete_newscategory", "Can delete news category"),
]
MODERATOR_PERMISSIONS = EDITOR_PERMISSIONS + [
    ("home", "footersettings", "change_footersettings", "Can change stopka serwisu"),
    ("home", "privacysettings", "change_privacysettings", "Can change privacy"),
]
EDITOR_DOCUMENT_PERMISSIONS = ["add_document", "change_document", "choose_document"]
MODERATOR_DOCUMENT_PERMISSIONS = EDITOR_DOCUMENT_PERMISSIONS + ["delete_document"]

WORKFLOW_NAMES = {"Moderators approval": "Akceptacja moderatora"}


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(
        app_label=app_label, model=model
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    root_collection = Collection.objects.filter(depth=1).first()
    plan = {
        "Redaktorzy": (EDITOR_PERMISSIONS, EDITOR_DOCUMENT_PERMISSIONS),
        "Moderatorzy": (MODERATOR_PERMISSIONS, MODERATOR_DOCUMENT_PERMISSIONS),
    }
    for group_name, (model_permissions, document_permissions) in plan.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for spec in model_permissions:
            group.permissions.add(_permission(apps, *spec))
        for codename in document_permissions:
            permission = _permission(
                apps, "wagtaildocs", "document", codename, codename.replace("_", " ")
            )
            group.permissions.add(permission)
            if root_collection is not None:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )

    Workflow = apps.get_model("wagtailcore.Workflow")
    Task = apps.get_model("wagtailcore.Task")
    for old, new in WORKFLOW_NAMES.items():
        Workflow.objects.filter(name=old).update(name=new)
        Task.objects.filter(name=old).update(name=new)


def revoke(apps, schema_editor):
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

    operations = [migrations.RunPython(grant, revoke)]
