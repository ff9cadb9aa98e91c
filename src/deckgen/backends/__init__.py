"""Backends: each turns a laid-out deck into the bytes of one output format."""
