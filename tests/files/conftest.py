"""The files and backup tests run on both back ends, on the use-case register."""

from tests.usecases.conftest import store  # noqa: F401
