"""The admin form of a jury member (Konkurs → Jury)."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Locale

from ..models import Category, CompetitionPage, JuryMember
from ..roles import JURY_GROUP


def jury_users():
    """Active users of the "Jury" group: the only people the secretariat may
    put on a jury. Membership of the group is a permission and stays with
    whoever manages users (Ustawienia → Użytkownicy)."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name=JURY_GROUP)
        .order_by("last_name", "first_name", "username")
        .distinct()
    )


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        name = user.get_full_name() or user.get_username()
        return f"{name} ({user.email})" if user.email else name


class CategoryChoiceField(forms.ModelMultipleChoiceField):
    show_edition = False

    def label_from_instance(self, category):
        if self.show_edition:
            return f"{category.edition.code} – {category.name}"
        return category.name


class JuryMemberForm(WagtailAdminModelForm):
    """Edition (Polish originals), user (group "Jury"), role and categories.

    At most one chair per edition (also a database constraint); categories
    must be the edition's own. A membership's edition and person are fixed
    once saved: assignments and reviews hang on it (remove the member and add
    another instead).
    """

    edition = forms.ModelChoiceField(
        label=_("Edycja"),
        queryset=CompetitionPage.objects.none(),
    )
    user = UserChoiceField(
        label=_("Osoba"),
        queryset=get_user_model().objects.none(),
        help_text=_(
            "Tylko aktywni użytkownicy z grupy „Jury”. Konto i grupę nadaje "
            "administrator w menu Ustawienia → Użytkownicy."
        ),
    )
    categories = CategoryChoiceField(
        label=_("Kategorie"),
        queryset=Category.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Nic nie zaznaczone = wszystkie kategorie edycji."),
        error_messages={
            "invalid_choice": _(
                "Wybierz tylko kategorie edycji, do której należy członek jury."
            )
        },
    )

    class Meta:
        model = JuryMember
        fields = ["edition", "user", "role", "categories"]
        widgets = {"role": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["edition"].queryset = CompetitionPage.objects.filter(
            locale=Locale.get_default()
        ).order_by("-submissions_open_at")
        self.fields["user"].queryset = jury_users()
        if self.instance.pk:
            self.fields["edition"].disabled = True
            self.fields["user"].disabled = True
            # Fixed: the member stays whoever they are, in the group or not.
            self.fields["user"].queryset = get_user_model().objects.filter(
                pk=self.instance.user_id
            )
        edition_id = self._chosen_edition_id()
        categories = Category.objects.select_related("edition").order_by(
            "-edition__submissions_open_at", "sort_order", "pk"
        )
        field = self.fields["categories"]
        if edition_id:
            field.queryset = categories.filter(edition_id=edition_id)
        else:
            # Not chosen yet: every Polish edition's categories, labelled.
            field.queryset = categories.filter(edition__locale=Locale.get_default())
            field.show_edition = True

    def _chosen_edition_id(self):
        if self.instance.edition_id:
            return self.instance.edition_id
        value = self.data.get("edition") if self.is_bound else None
        value = value or self.initial.get("edition")
        value = getattr(value, "pk", value)
        try:
            return int(value) if value else None
        except (TypeError, ValueError):
            return None

    def clean(self):
        cleaned = super().clean()
        edition = cleaned.get("edition")
        if edition is None:
            return cleaned
        self.refuse_clashes()
        foreign = [
            c for c in cleaned.get("categories") or [] if c.edition_id != edition.pk
        ]
        if foreign:
            self.add_error(
                "categories",
                _("Wybierz tylko kategorie edycji, do której należy członek jury."),
            )
        return cleaned

    def refuse_clashes(self):
        """Errors for what the database's unique constraints would refuse: a
        second chair of the edition (the error names the chair) or a person
        already on its jury. Returns whether there was one. Called by
        :meth:`clean`, and by the views again when the database refused a save
        because someone else saved a clashing member meanwhile."""
        edition = self.cleaned_data.get("edition")
        if edition is None:
            return False
        others = JuryMember.objects.filter(edition=edition).exclude(pk=self.instance.pk)
        clashed = False
        if self.cleaned_data.get("role") == JuryMember.Role.CHAIR:
            chair = (
                others.filter(role=JuryMember.Role.CHAIR).select_related("user").first()
            )
            if chair is not None:
                self.add_error(
                    "role",
                    _(
                        "Ta edycja ma już przewodniczącego(-cą) jury: %(name)s. "
                        "Najpierw zmień jego (jej) rolę na „juror”."
                    )
                    % {"name": chair},
                )
                clashed = True
        user = self.cleaned_data.get("user")
        if user is not None and others.filter(user=user).exists():
            self.add_error("user", _("Ta osoba jest już w jury tej edycji."))
            clashed = True
        return clashed
