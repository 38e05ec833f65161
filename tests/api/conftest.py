"""Fixtures of the API tests: a bilingual site tree and a document."""

import copy

import pytest
from django.test import Client
from wagtail.documents.models import Document

from tests import factories


@pytest.fixture
def api() -> Client:
    """An anonymous client, as a front end calling the API from a browser would be."""
    return Client()


@pytest.fixture(scope="module")
def _tree(module_world) -> factories.BilingualSite:
    return factories.bilingual_site()


@pytest.fixture
def tree(_tree, db) -> factories.BilingualSite:
    """The home and the three index pages, in Hungarian and English (/en/clusters/, ...).

    Built once per test module (`module_world`); each test gets fresh copies of the pages.
    """
    return copy.deepcopy(_tree)


@pytest.fixture
def document(db) -> Document:
    return factories.document()
