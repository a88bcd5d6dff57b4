"""Training rounds, olympiad simulations and question reports, graded on the server."""
