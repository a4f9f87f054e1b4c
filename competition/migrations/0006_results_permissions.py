"""The results' permissions, for the secretariat: see the ranking and the
decisions (``view_results``), close scoring and publish (``publish_results``).

The jury's chair gets neither: the chair sees the results of the edition they
chair by membership, checked in ``competition/permissions.py``.

Permissions are normally created by ``post_migrate`` after all migrations; on a
fresh database they do not exist yet, so they are created here.
"""

from django.db import migrations

SECRETARIAT = "Sekretariat konkursu"

# (codename, name)
RESULTS_PERMISSIONS = [
    ("view_results", "Może przeglądać ranking i decyzje"),
    ("publish_results", "Może zamknąć ocenę i opublikować wyniki"),
]


def _permissions(apps):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="competition", model="decision"
    )
    return [
        Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )[0]
        for codename, name in RESULTS_PERMISSIONS
    ]


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
        migrations.RunPython(grant, revoke),
    ]
