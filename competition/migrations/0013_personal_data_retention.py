"""Personal data: each edition's retention date, the entries' "anonymised"
mark, and the permission to export and erase an applicant's data.

The grant that stood here is a no-op now: ``competition/roles.py`` declares the
groups' permissions and competition's ``0018_sync_roles`` applies them. The
migration stays because deployed databases have applied it.
"""

from django.db import migrations, models


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
        migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop),
    ]
