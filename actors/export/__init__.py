"""xlsx exports (users, attempts, statistics, questions, mailing results) as jobs with progress."""
