"""The user-facing errors. The CLI is the only place that turns them into exits."""


class GradbookError(Exception):
    """An error with a message for the user and the exit code it ends with."""

    exit_code = 1

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class UsageError(GradbookError):
    """The user asked for something malformed or impossible: exit 2."""

    exit_code = 2


class CheckFailed(GradbookError):
    """A computed value or a derivation step failed its own check: exit 1."""

    exit_code = 1
