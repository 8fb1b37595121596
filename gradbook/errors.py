"""The user-facing errors. The CLI is the only place that turns them into exits."""


class GradbookError(Exception):
    """An error with a message for the user and the exit code it ends with."""

    exit_code = 1

    def __init__(self, message: str, output: str = ""):
        super().__init__(message)
        self.message = message
        self.output = output
        """What the command still prints to stdout before it fails (a report)."""


class UsageError(GradbookError):
    """The user asked for something malformed or impossible: exit 2."""

    exit_code = 2


class CheckFailed(GradbookError):
    """A computed value or a derivation step failed its own check: exit 1."""

    exit_code = 1
