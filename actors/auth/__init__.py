"""Sessions for the REST API: login with throttling, opaque bearer tokens, logout."""
