"""The staff groups and what each may do, declared once.

``ROLES`` is the table: a group's name and the permissions it holds, as
``app_label.codename``. A permission written ``page:…`` is held on the root
page (so on every page), ``collection:…`` on the root collection (so in every
collection); these are Wagtail's object permissions. ``sync_roles()`` makes the
database match the table; one migration calls it (``competition``'s
``0018_sync_roles``), so do the demo and the tests. A change of the table needs a
new migration that calls ``sync_roles()`` again.

What a juror or the jury's chair sees follows from their jury membership
(``permissions.py``), not from model permissions.
"""

#: The competition's secretariat: entries, formal check, jury setup, results.
SECRETARIAT_GROUP = "Sekretariat konkursu"

#: Jurors: no model permissions; what a juror sees follows from their jury
#: membership (``permissions.py``). Only members may be put on a jury.
JURY_GROUP = "Jury"

#: The site's editors (pages, news, events) and moderators (publication).
EDITORS_GROUP = "Redaktorzy"
MODERATORS_GROUP = "Moderatorzy"

#: Wagtail's first migrations create the editors' and moderators' groups under
#: English names (with the moderators' approval task); ours are Polish.
WAGTAIL_GROUP_NAMES = {"Editors": EDITORS_GROUP, "Moderators": MODERATORS_GROUP}

#: The competition's models whose permissions (any of them, given to a user or
#: to any group) open applicants' data: entries and everything about them, the
#: results, and the jury's setup and assignments, whose screens list entries.
#: Holding one means needing a second factor (``accounts/second_factor.py``).
#: Categories and criteria hold none.
APPLICANT_DATA_MODELS = (
    "entry",
    "entryanswer",
    "entryfile",
    "consent",
    "accesstoken",
    "formalcheck",
    "jurymember",
    "assignment",
    "removedassignment",
    "conflictdeclaration",
    "review",
    "score",
    "reviewversion",
    "decision",
)

ADMIN_ACCESS = "wagtailadmin.access_admin"
PAGE = "page:"
COLLECTION = "collection:"

_EDITOR = [
    ADMIN_ACCESS,
    # Pages: write and submit for moderation.
    f"{PAGE}wagtailcore.add_page",
    f"{PAGE}wagtailcore.change_page",
    # Images and documents.
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtailimages.delete_image",
    f"{COLLECTION}wagtailimages.add_image",
    f"{COLLECTION}wagtailimages.change_image",
    f"{COLLECTION}wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
    "wagtaildocs.delete_document",
    f"{COLLECTION}wagtaildocs.add_document",
    f"{COLLECTION}wagtaildocs.change_document",
    f"{COLLECTION}wagtaildocs.choose_document",
    # Translations, news categories, the advocates' directory.
    "wagtail_localize.submit_translation",
    "home.add_newscategory",
    "home.change_newscategory",
    "home.delete_newscategory",
    "home.add_advocate",
    "home.change_advocate",
    "home.delete_advocate",
    "home.view_advocate",
]

ROLES = {
    # Entries are never added or changed in the admin and only superusers delete
    # them, so the secretariat reads, exports and checks them; it keeps each
    # edition's categories, criteria and jury, and the results. It picks no
    # images (Wagtail would hand "choose image" to every admin group).
    SECRETARIAT_GROUP: [
        ADMIN_ACCESS,
        "competition.view_entry",
        "competition.export_entry",
        "competition.download_entryfile",
        "competition.check_entry",
        "competition.view_competition_log",
        "competition.manage_personal_data",
        "competition.add_category",
        "competition.change_category",
        "competition.delete_category",
        "competition.view_category",
        "competition.add_criterion",
        "competition.change_criterion",
        "competition.delete_criterion",
        "competition.view_criterion",
        "competition.add_jurymember",
        "competition.change_jurymember",
        "competition.delete_jurymember",
        "competition.view_jurymember",
        "competition.add_assignment",
        "competition.change_assignment",
        "competition.delete_assignment",
        "competition.view_assignment",
        "competition.view_results",
        "competition.publish_results",
    ],
    JURY_GROUP: [ADMIN_ACCESS],
    EDITORS_GROUP: _EDITOR,
    # Moderators also publish, lock pages, delete documents and keep the site
    # settings (footer, privacy).
    MODERATORS_GROUP: [
        *_EDITOR,
        f"{PAGE}wagtailcore.publish_page",
        f"{PAGE}wagtailcore.lock_page",
        f"{PAGE}wagtailcore.unlock_page",
        f"{COLLECTION}wagtaildocs.delete_document",
        "home.change_footersettings",
        "home.change_privacysettings",
    ],
}


def _split(spec):
    """``("page", "wagtailcore", "add_page")`` from ``"page:wagtailcore.add_page"``."""
    scope, _, permission = spec.rpartition(":")
    app_label, codename = permission.split(".")
    return scope, app_label, codename


def sync_roles(apps=None):
    """Create the groups of ``ROLES`` and give each exactly the permissions the
    table lists: model permissions, and permissions on the root page and the root
    collection. Permissions given by hand on a sub-page or a sub-collection stay.

    ``apps`` is a migration's historical app registry, or None for the real
    models. Idempotent. Missing permission rows are created first (in a
    migration ``post_migrate`` has not run yet).
    """
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    apps = apps or global_apps
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Page = apps.get_model("wagtailcore.Page")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")

    parsed = {name: [_split(spec) for spec in specs] for name, specs in ROLES.items()}
    app_labels = {app_label for specs in parsed.values() for _, app_label, _ in specs}
    for app_label in sorted(app_labels):
        create_permissions(
            global_apps.get_app_config(app_label), verbosity=0, apps=apps
        )
    permissions = {
        (p.content_type.app_label, p.codename): p
        for p in Permission.objects.filter(
            content_type__app_label__in=app_labels
        ).select_related("content_type")
    }
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    for old, new in WAGTAIL_GROUP_NAMES.items():
        if not Group.objects.filter(name=new).exists():
            Group.objects.filter(name=old).update(name=new)

    for name, specs in parsed.items():
        group, _ = Group.objects.get_or_create(name=name)
        held = {"": [], "page": [], "collection": []}
        for scope, app_label, codename in specs:
            held[scope].append(permissions[(app_label, codename)])
        group.permissions.set(held[""])
        _sync_objects(GroupPagePermission, group, "page", root_page, held["page"])
        _sync_objects(
            GroupCollectionPermission,
            group,
            "collection",
            root_collection,
            held["collection"],
        )


def _sync_objects(model, group, field, root, permissions):
    """``group`` holds exactly ``permissions`` on ``root`` (a page or collection)."""
    if root is None:
        return
    rows = model.objects.filter(group=group, **{field: root})
    rows.exclude(permission__in=permissions).delete()
    for permission in permissions:
        model.objects.get_or_create(group=group, permission=permission, **{field: root})
