"""Replace Wagtail's placeholder root with a Polish HomePage.

This also gave Wagtail's "Editors"/"Moderators" groups Polish names; that is a
no-op now, done by ``competition/roles.py``'s ``sync_roles`` (competition's
``0018_sync_roles``). The operation stays because deployed databases have applied it.
"""

import uuid

from django.db import migrations


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")

    Page.objects.filter(
        content_type__app_label="wagtailcore", content_type__model="page", depth=2
    ).delete()
    locale, _ = Locale.objects.get_or_create(language_code="pl")
    content_type, _ = ContentType.objects.get_or_create(
        model="homepage", app_label="home"
    )
    root = Page.objects.get(depth=1)
    homepage = HomePage.objects.create(
        title="Ekonomia społeczna nie wyklucza",
        draft_title="Ekonomia społeczna nie wyklucza",
        slug="home",
        content_type=content_type,
        path=f"{root.path}0001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
        translation_key=uuid.uuid4(),
        live=True,
    )
    root.numchild = 1
    root.save(update_fields=["numchild"])
    Site.objects.all().delete()
    Site.objects.create(
        hostname="localhost",
        root_page=homepage,
        is_default_site=True,
        site_name="Ekonomia społeczna na Mazowszu",
    )


def remove_homepage(apps, schema_editor):
    apps.get_model("home.HomePage").objects.filter(depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(create_homepage, remove_homepage),
        migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop),
    ]
