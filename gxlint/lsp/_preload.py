"""Imported once by the lint worker processes' fork server: the rules, loaded before any fork."""
from ..engine import registry

registry()
