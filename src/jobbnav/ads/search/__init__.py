"""Full-text search over job ads: Swedish analysis, the tantivy index, the JobSearch query."""
