"""
WSGI config for campaign_site project.

It exposes the WSGI callable as a module-level variable named ``application``.

For more information on this file, see
https://docs.djangoproject.com/en/5.2/howto/deployment/wsgi/
"""

import os

from django.core.wsgi import get_wsgi_application

# A WSGI server is a deployment: never fall back to the DEBUG settings.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campaign_site.settings.production")

application = get_wsgi_application()

# Load the Polish dictionary of the search now, while the worker boots, rather than
# during some visitor's first search (about 2 s; see README "Search").
from search.lemmas import warm_up  # noqa: E402

warm_up()
