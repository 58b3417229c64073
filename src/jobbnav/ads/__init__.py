"""Job ads: the JobSearch shape, ingestion, de-duplication, archive, search and stream."""
