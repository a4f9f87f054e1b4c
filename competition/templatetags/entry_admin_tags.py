"""The entry's status as a coloured badge with its label (the admin's entries
list and the entry's page); colours in ``static/css/admin-entries.css``."""

from django import template

from ..models import Status

register = template.Library()

# What the secretariat should read at a glance: waiting for them (submitted),
# waiting for the applicant (needs correction), with the jury, the outcome.
STATUS_TONES = {
    Status.DRAFT: "neutral",
    Status.SUBMITTED: "info",
    Status.NEEDS_CORRECTION: "warning",
    Status.ELIGIBLE: "progress",
    Status.IN_REVIEW: "progress",
    Status.REVIEWED: "progress",
    Status.LAUREATE: "success",
    Status.DISTINCTION: "success",
    Status.NOT_AWARDED: "neutral",
    Status.INELIGIBLE: "critical",
    Status.DISQUALIFIED: "critical",
    Status.WITHDRAWN: "neutral",
}


@register.inclusion_tag("competition/admin/includes/entry_status.html")
def entry_status(status):
    status = Status(status)
    return {"status": status, "label": status.label, "tone": STATUS_TONES[status]}
