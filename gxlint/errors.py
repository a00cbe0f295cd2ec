"""The error every front end turns into a message and exit code 2, and the exit codes."""

from __future__ import annotations

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """Bad arguments or configuration, a path that does not exist, a file that cannot be read
    where one is required: the front end says the message (already in the run's language) and
    the command exits 2."""
