"""The "Dziennik konkursu" permission, given to the secretariat.

The competition's audit log holds the jurors' declarations and score changes:
a permission of its own, so that no other group gets it by holding some
permission on entries. ``Entry.Meta.permissions`` declares it (the
``AlterModelOptions`` below keeps ``makemigrations`` clean); ``post_migrate``
would create the row only after all migrations, so it is created here
explicitly for the group to receive it.
"""

from django.db import migrations

SECRETARIAT = "Sekretariat konkursu"
CODENAME = "view_competition_log"
NAME = "Może przeglądać dziennik konkursu"


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
        ("competition", "0009_review_withdrawn_after_conflict"),
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
                    ("view_competition_log", "Może przeglądać dziennik konkursu"),
                ],
                "verbose_name": "zgłoszenie",
                "verbose_name_plural": "zgłoszenia",
            },
        ),
        migrations.RunPython(grant, revoke),
    ]
