"""Editors and moderators keep the advocates' directory up to date."""

from django.db import migrations

CODENAMES = ["add_advocate", "change_advocate", "delete_advocate", "view_advocate"]
GROUPS = ["Redaktorzy", "Moderatorzy"]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="home", model="advocate"
    )
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": f"Can {codename.split('_')[0]} advocate"},
        )[0]
        for codename in CODENAMES
    ]
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    permissions = Permission.objects.filter(
        content_type__app_label="home", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [("home", "0007_advocates"), ("home", "0005_editorial_workflow")]

    operations = [migrations.RunPython(grant, revoke)]
