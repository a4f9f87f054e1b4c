"""Valid form data and small valid files for the submission form's tests."""

import io
import uuid

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def jpeg(name="zdjecie.jpg", size=(40, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 80, 20)).save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def pdf(name="prezentacja.pdf", padding=0):
    body = (
        b"%PDF-1.4\n1 0 obj<<>>endobj\n"
        + b"%"
        + b"x" * padding
        + b"\ntrailer<<>>\n%%EOF\n"
    )
    return SimpleUploadedFile(name, body, content_type="application/pdf")


def organisation(category, **overrides):
    data = {
        "nominee_kind": "organisation",
        "nomination": "self",
        "organisation_name": "Spółdzielnia Socjalna „Razem”",
        "legal_form": "spoldzielnia_socjalna",
        "running_entity_name": "",
        "nip": "856-734-62-15",
        "regon": "192598184",
        "krs": "359730",
        "street": "ul. Grzybowska 80/82",
        "postal_code": "00-844",
        "city": "Warszawa",
        "powiat": "1465",
        "website": "razem.example.org",
        "contact_name": "Jan Nowak",
        "email": "jan.nowak@example.org",
        "phone": "+48 600 100 200",
        "title": "Kawiarnia, która zatrudnia",
        "summary": "Prowadzimy kawiarnię i catering, zatrudniamy 12 osób.",
        "video_url": "",
        "consent_rules": "on",
        "consent_data": "on",
        "idempotency_key": str(uuid.uuid4()),
        "action": "submit",
    }
    for criterion in category.criteria.all():
        data[f"answer_{criterion.pk}"] = f"Nasza odpowiedź na: {criterion.question}"
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def person(category, **overrides):
    data = organisation(
        category,
        nominee_kind="person",
        organisation_name=None,
        legal_form=None,
        nip=None,
        regon=None,
        krs=None,
        street=None,
        person_name="Anna Kowalska",
    )
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
