"""Adaptive learning (issue #10): ratings of students and questions, adaptive selection, the mistakes queue."""
