"""Personal data: each edition's retention date, the entries' "anonymised"
mark, and the permission to export and erase an applicant's data, given to the
secretariat (created here explicitly, as in 0010, for the group to receive it).
"""

from django.db import migrations, models

SECRETARIAT = "Sekretariat konkursu"
CODENAME = "manage_personal_data"
NAME = "Może eksportować i usuwać dane osobowe zgłaszających"


def _permission(apps):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="competition", model="entry"
    )
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
        ("competition", "0012_merge_icon_draft_values"),
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
                    (
                        "manage_personal_data",
                        "Może eksportować i usuwać dane osobowe zgłaszających",
                    ),
                ],
                "verbose_name": "zgłoszenie",
                "verbose_name_plural": "zgłoszenia",
            },
        ),
        migrations.AddField(
            model_name="competitionpage",
            name="personal_data_retention_until",
            field=models.DateField(
                blank=True,
                help_text="Puste = domyślnie: pięć lat od ogłoszenia wyników. Następnego dnia dane osobowe ze zgłoszeń tej edycji są anonimizowane, a pliki usuwane; zostają statystyki (kategoria, powiat, forma prawna, oceny, decyzje).",
                null=True,
                verbose_name="dane osobowe zgłaszających przechowujemy do",
            ),
        ),
        migrations.AddField(
            model_name="entry",
            name="anonymised_at",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                null=True,
                verbose_name="dane osobowe usunięto",
            ),
        ),
        migrations.RunPython(grant, revoke),
    ]
