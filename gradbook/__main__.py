"""`python3 -m gradbook` is the `gradbook` command."""

from gradbook.cli import entry_point

entry_point()
