"""The formal check's permission, given to the secretariat.

``Entry.Meta.permissions`` declares it (the ``AlterModelOptions`` below keeps
``makemigrations`` clean); ``post_migrate`` would create the row only after all
migrations, so it is created here explicitly for the group to receive it.
"""

from django.db import migrations

SECRETARIAT = "Sekretariat konkursu"
CODENAME = "check_entry"
NAME = "Może przeprowadzać ocenę formalną"


def _permission(apps):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="competition", model="entry"
    )
    # By id: in a reverse run the historical ContentType model the FK expects
    # is not the one get_model() returned here, and Django refuses the instance.
    permission, _ = Permission.objects.get_or_create(
        content_type_id=content_type.pk, codename=CODENAME, defaults={"name": NAME}
    )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    group, _ = Group.objects.get_or_create(name=SECRETARIAT)
    group.permissions.add(_permission(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    group = Group.objects.filter(name=SECRETARIAT).first()
    if group is not None:
        group.permissions.remove(_permission(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("competition", "0006_results_permissions"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="entry",
            options={
                "ordering": ["edition", "number", "pk"],
                "permissions": [
                    ("export_entry", "Może eksportować zgłoszenia"),
                    ("download_entryfile", "Może pobierać pliki zgłoszeń"),
                    ("check_entry", "Może przeprowadzać ocenę formalną"),
                ],
                "verbose_name": "zgłoszenie",
                "verbose_name_plural": "zgłoszenia",
            },
        ),
        migrations.RunPython(grant, revoke),
    ]
