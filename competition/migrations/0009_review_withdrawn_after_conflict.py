"""A review's new status "withdrawn": a juror who declares a conflict of
interest after submitting keeps the review and its versions on record, and it
stops counting (only "submitted" reviews are ranked). Choices only: no data
changes."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("competition", "0008_one_chair_per_edition"),
    ]

    operations = [
        migrations.AlterField(
            model_name="review",
            name="status",
            field=models.CharField(
                choices=[
                    ("draft", "wersja robocza"),
                    ("submitted", "złożona"),
                    ("withdrawn", "wycofana (konflikt interesów)"),
                ],
                default="draft",
                max_length=10,
                verbose_name="status",
            ),
        ),
        migrations.AlterField(
            model_name="reviewversion",
            name="status",
            field=models.CharField(
                choices=[
                    ("draft", "wersja robocza"),
                    ("submitted", "złożona"),
                    ("withdrawn", "wycofana (konflikt interesów)"),
                ],
                max_length=10,
            ),
        ),
    ]
