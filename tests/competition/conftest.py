import pytest

from . import builders


@pytest.fixture
def edition(home):
    """An edition open for submissions, with "reintegracja" and "osobowosc"."""
    return builders.edition(home)
