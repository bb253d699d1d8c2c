"""Errors every stage raises for a user's input: the message names the file, the line and the fix."""


class InputError(ValueError):
    """A user input that cannot be read; the message names the file and the fix."""
