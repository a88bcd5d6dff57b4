"""The question bank: import (JSON, xlsx) with per-row validation, export, the seed bank, the catalog."""
