"""The REST API edge (/api/v1): parse → ask an actor → render. No SQL, no business rules."""
