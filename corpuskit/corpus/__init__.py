"""Across documents: reading inputs, running the pipeline in parallel, writing the corpus."""
