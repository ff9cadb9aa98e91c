"""Pandoc's Markdown where mistune reads it differently or not at all, as plain functions.

``markdown.py`` (the only module that imports mistune) registers these rules with mistune and
turns their tokens into the model; nothing here imports mistune. ``lines.py`` rewrites a few
line forms before parsing (pandoc's fancy list markers, ``~`` definitions), ``tables.py`` reads
grid, simple and multiline tables, ``rules.py`` holds the block and inline rules.
"""
