"""parley: turn raw transcripts of diplomatic press conferences into a cross-linked static site."""

__version__ = "0.1.0"
