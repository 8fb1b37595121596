"""gradbook: the machinery that turns derive's mathematics into the guide."""

__version__ = "0.1.0"
