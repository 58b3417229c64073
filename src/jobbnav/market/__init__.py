"""Labour-market insight: demand, supply, tightness, trends, forecasts, ratings, salaries."""
