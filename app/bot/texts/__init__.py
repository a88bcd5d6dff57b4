"""Every user-visible string of the bot, one module per screen, English msgids for gettext.

Functions (not constants): a text is translated when it is rendered, in the update's language.
User-provided values are HTML-escaped with `quote` before they go into a text.
"""
