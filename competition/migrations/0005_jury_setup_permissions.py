"""The secretariat sets up each edition's jury: add, change, delete and view jury
members and assignments. The "Jury" group gets nothing here: jurors reach
their own screens through the jury screens' rules, not model permissions.

As in 0003, the permissions are created here because ``post_migrate`` has not
run yet on a fresh database.
"""

from django.db import migrations

SECRETARIAT = "Sekretariat konkursu"

# (model, codename, name)
PERMISSIONS = [
    ("jurymember", "add_jurymember", "Can add członek jury"),
    ("jurymember", "change_jurymember", "Can change członek jury"),
    ("jurymember", "delete_jurymember", "Can delete członek jury"),
    ("jurymember", "view_jurymember", "Can view członek jury"),
    ("assignment", "add_assignment", "Can add przydział"),
    ("assignment", "change_assignment", "Can change przydział"),
    ("assignment", "delete_assignment", "Can delete przydział"),
    ("assignment", "view_assignment", "Can view przydział"),
]


def _permissions(apps):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    permissions = []
    for model, codename, name in PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(
            app_label="competition", model=model
        )
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        permissions.append(permission)
    return permissions


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    group, _ = Group.objects.get_or_create(name=SECRETARIAT)
    group.permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    group = Group.objects.filter(name=SECRETARIAT).first()
    if group is not None:
        group.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [("competition", "0004_jury_and_decisions")]

    operations = [migrations.RunPython(grant, revoke)]
