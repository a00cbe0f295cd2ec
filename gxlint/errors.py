"""The error every front end turns into a message and exit code 2."""
from __future__ import annotations


class UsageError(Exception):
    """Bad arguments or configuration, a path that does not exist, a file that cannot be read
    where one is required: the front end says the message (already in the run's language) and
    the command exits 2."""
