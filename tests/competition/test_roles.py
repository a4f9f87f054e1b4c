"""The staff groups and their permissions: ``competition/roles.py``'s table,
applied by migration 0018 and by ``sync_roles()``."""

import json
from pathlib import Path

from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
)

from competition import roles

#: What a freshly migrated database held before the table replaced the
#: per-permission data migrations (recorded on main; same shape as ``state()``).
BEFORE = Path(__file__).with_name("roles_before_sync_roles.json")


def _name(permission):
    return f"{permission.content_type.app_label}.{permission.codename}"


def state():
    """Every group: its permissions, those it holds on pages and collections,
    and the approval tasks it reviews."""
    return {
        group.name: {
            "permissions": sorted(_name(p) for p in group.permissions.all()),
            "pages": sorted(
                f"{row.page.url_path}|{_name(row.permission)}"
                for row in GroupPagePermission.objects.filter(group=group)
            ),
            "collections": sorted(
                f"{row.collection.name}|{_name(row.permission)}"
                for row in GroupCollectionPermission.objects.filter(group=group)
            ),
            "tasks": sorted(
                task.name for task in GroupApprovalTask.objects.filter(groups=group)
            ),
        }
        for group in Group.objects.order_by("name")
    }


def table():
    """``roles.ROLES`` shaped as ``state()`` (root page "/", collection "Root")."""
    shaped = {}
    for name, specs in roles.ROLES.items():
        scopes = {"": [], roles.PAGE: [], roles.COLLECTION: []}
        for spec in specs:
            prefix = next(
                (p for p in (roles.PAGE, roles.COLLECTION) if spec.startswith(p)), ""
            )
            scopes[prefix].append(spec.removeprefix(prefix))
        shaped[name] = {
            "permissions": sorted(scopes[""]),
            "pages": sorted(f"/|{p}" for p in scopes[roles.PAGE]),
            "collections": sorted(f"Root|{p}" for p in scopes[roles.COLLECTION]),
        }
    return shaped


def without_tasks(groups):
    return {
        name: {k: v for k, v in g.items() if k != "tasks"} for name, g in groups.items()
    }


def test_the_migrated_groups_hold_what_the_table_says(db):
    assert without_tasks(state()) == table()


def test_the_migrated_groups_are_those_before_the_table(db):
    # Group for group, permission for permission, including the moderators'
    # approval task, which Wagtail gave its "Moderators" group.
    assert state() == json.loads(BEFORE.read_text())


def test_every_listed_permission_exists_once(db):
    for specs in roles.ROLES.values():
        assert len(specs) == len(set(specs))
        for spec in specs:
            app_label, codename = spec.rpartition(":")[2].split(".")
            assert Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).exists(), spec


def test_sync_roles_restores_the_table_and_is_idempotent(db):
    secretariat = Group.objects.get(name=roles.SECRETARIAT_GROUP)
    secretariat.permissions.remove(Permission.objects.get(codename="check_entry"))
    jury = Group.objects.get(name=roles.JURY_GROUP)
    choose_image = Permission.objects.get(codename="choose_image")
    jury.permissions.add(choose_image)
    GroupCollectionPermission.objects.create(
        group=jury, collection=Collection.get_first_root_node(), permission=choose_image
    )
    editors = Group.objects.get(name=roles.EDITORS_GROUP)
    GroupPagePermission.objects.filter(group=editors).delete()
    expected = json.loads(BEFORE.read_text())
    assert state() != expected

    roles.sync_roles()
    assert state() == expected
    roles.sync_roles()
    assert state() == expected


def test_sync_roles_keeps_permissions_given_on_a_sub_page(db):
    editors = Group.objects.get(name=roles.EDITORS_GROUP)
    home = Page.objects.get(depth=2)
    publish = Permission.objects.get(codename="publish_page")
    GroupPagePermission.objects.create(group=editors, page=home, permission=publish)

    roles.sync_roles()

    assert GroupPagePermission.objects.filter(
        group=editors, page=home, permission=publish
    ).exists()


def test_sync_roles_creates_missing_groups_and_renames_wagtails(db):
    Group.objects.filter(name=roles.JURY_GROUP).delete()
    moderators = Group.objects.get(name=roles.MODERATORS_GROUP)
    moderators.name = "Moderators"
    moderators.save()

    roles.sync_roles()

    assert Group.objects.get(name=roles.MODERATORS_GROUP).pk == moderators.pk
    assert not Group.objects.filter(name="Moderators").exists()
    assert state() == json.loads(BEFORE.read_text())
