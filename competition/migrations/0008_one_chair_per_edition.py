"""At most one chair per edition, kept by the database.

The admin form refused a second chair before; anything else (a script, a
shell, two secretaries saving at once) could still store one. An edition that
already has two chairs stops the migration with their names rather than a bare
integrity error: which of them stays chair is for the secretariat to decide.
"""

from django.db import migrations, models
from django.db.models import Count


def refuse_two_chairs(apps, schema_editor):
    JuryMember = apps.get_model("competition", "JuryMember")
    editions = (
        JuryMember.objects.filter(role="chair")
        .values("edition_id")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .values_list("edition_id", flat=True)
    )
    clashes = [
        f"edition {edition_id}: "
        + ", ".join(
            JuryMember.objects.filter(edition_id=edition_id, role="chair")
            .order_by("pk")
            .values_list("user__username", flat=True)
        )
        for edition_id in editions
    ]
    if clashes:
        raise RuntimeError(
            "More than one jury chair; change all but one to 'juror' first: "
            + "; ".join(clashes)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("competition", "0007_formal_check_permission"),
    ]

    operations = [
        migrations.RunPython(refuse_two_chairs, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="jurymember",
            constraint=models.UniqueConstraint(
                condition=models.Q(("role", "chair")),
                fields=("edition",),
                name="one_chair_per_edition",
                violation_error_message="Ta edycja ma już przewodniczącego(-cą) jury.",
            ),
        ),
    ]
