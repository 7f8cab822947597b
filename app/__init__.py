"""Komisja: selection competitions of Polish public institutions, from the call to the protocol."""

from importlib import metadata as _metadata

try:
    __version__ = _metadata.version("komisja")
except _metadata.PackageNotFoundError:  # running from a source tree or a frozen build
    __version__ = "0.1.0"

APP_NAME = "Komisja"
APP_ORG = "Komisja"
