"""How big an import may be. A bigger file is refused as a whole with one clear error."""
MAX_FILE_BYTES = 5 * 2**20          # 5 MB: the seed bank is ~100 KB of JSON for ~200 questions
MAX_UNPACKED_BYTES = 50 * 2**20     # an xlsx (a zip) may not unpack to more than this
MAX_QUESTIONS = 5000                # per file
MAX_REPORTED_ERRORS = 200           # more would bury the first ones; the count is still given
