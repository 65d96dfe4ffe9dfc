"""Shared by the spaCy pipeline tests: one pipeline per test module, as ``vnextract.load()`` builds it."""
import pytest

import vnextract


@pytest.fixture(scope="module")
def nlp():
    return vnextract.load()
