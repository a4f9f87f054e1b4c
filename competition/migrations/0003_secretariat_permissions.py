"""The secretariat's least permissions: read entries, export them, download their
files, and keep the categories and criteria of an edition.

Entries are never added or changed in the admin and only superusers delete
them (``competition/permissions.py``), so the group gets no add/change/delete
of entries. The jury keeps only admin access until its screens arrive.

Wagtail's images migration 0023 hands "choose image" (and the same permission
on the root collection) to every group with admin access; neither group picks
images, so it is taken away here, after that migration.

Permissions are normally created by ``post_migrate`` after all migrations; on a
fresh database they do not exist yet, so they are created here.
"""

from django.db import migrations

SECRETARIAT = "Sekretariat konkursu"
JURY = "Jury"

# (model, codename, name)
SECRETARIAT_PERMISSIONS = [
    ("entry", "view_entry", "Can view zgłoszenie"),
    ("entry", "export_entry", "Może eksportować zgłoszenia"),
    ("entry", "download_entryfile", "Może pobierać pliki zgłoszeń"),
    ("category", "add_category", "Can add kategoria"),
    ("category", "change_category", "Can change kategoria"),
    ("category", "delete_category", "Can delete kategoria"),
    ("category", "view_category", "Can view kategoria"),
    ("criterion", "add_criterion", "Can add kryterium"),
    ("criterion", "change_criterion", "Can change kryterium"),
    ("criterion", "delete_criterion", "Can delete kryterium"),
    ("criterion", "view_criterion", "Can view kryterium"),
]


def _permissions(apps):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    permissions = []
    for model, codename, name in SECRETARIAT_PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(
            app_label="competition", model=model
        )
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        permissions.append(permission)
    return permissions


def _strip_image_choosing(apps):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    choose = Permission.objects.filter(
        content_type__app_label="wagtailimages", codename="choose_image"
    )
    groups = Group.objects.filter(name__in=[SECRETARIAT, JURY])
    GroupCollectionPermission.objects.filter(
        group__in=groups, permission__in=choose
    ).delete()
    for group in groups:
        group.permissions.remove(*choose)


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    group, _ = Group.objects.get_or_create(name=SECRETARIAT)
    group.permissions.add(*_permissions(apps))
    _strip_image_choosing(apps)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    group = Group.objects.filter(name=SECRETARIAT).first()
    if group is not None:
        group.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("competition", "0002_editions_and_entries"),
        ("wagtailimages", "0023_add_choose_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
