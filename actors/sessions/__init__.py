"""Bearer tokens: issue, authenticate (the hot path of every REST request), revoke."""
