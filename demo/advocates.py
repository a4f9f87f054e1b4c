"""Demo advocates for `seed_demo`: invented people in real municipalities
(content in ``data/advocates.json``).

Names, e-mails (example.org only) and phone numbers are made up; the TERYT codes
are real (``home/data/``). A 4-digit code is a powiat-level advocate.
"""

from demo.content import load

_DATA = load("advocates")

DIRECTORY = _DATA["directory"]
FORUM_CATEGORY_SLUG = _DATA["forum_category_slug"]

# (TERYT code, name, role, institution, e-mail, phone)
ADVOCATES = [
    (a["teryt"], a["name"], a["role"], a["institution"], a["email"], a["phone"])
    for a in _DATA["advocates"]
]
