"""Inline keyboards, one module per screen; callback data factories in callbacks.py."""
