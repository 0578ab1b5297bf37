"""seed-reader: read a folder of news articles with their quotes and figures beside the text."""

__version__ = "0.1.0"
