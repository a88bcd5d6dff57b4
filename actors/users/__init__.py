"""Users and identity: registration on both platforms, login tokens, profile, account linking."""
