"""The student web app (sources in web/, built into dist/ here) served at /app/ by this process."""
