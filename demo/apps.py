from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content and accounts (`manage.py seed_demo`); no models."""

    name = "demo"
