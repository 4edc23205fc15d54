"""The six benchmark questions as a person would write them in each engine's
SQL, over tables `leads` and `touches` with the data model's columns (the
generator's headers) and types: follow-ups are the outbound (or undirected)
touches at or after the lead's creation, counted per lead in a subquery.
DuckDB's are bench/queries.py's; each answers with the keys leadq's JSON
shows (months as `YYYY-MM`), so that the answers can be compared."""

from queries import QUESTIONS

POSTGRES_FOLLOW_UPS = """
    SELECT l.lead_id, count(*) AS followups, min(t.at) AS first_at
    FROM touches t JOIN leads l ON t.lead_id = l.lead_id
    WHERE coalesce(lower(t.direction), 'outbound') <> 'inbound' AND t.at >= l.created_at
    GROUP BY l.lead_id
"""

POSTGRES_LEADS = f"""
    SELECT l.*, coalesce(f.followups, 0) AS followups,
           extract(epoch FROM f.first_at - l.created_at) AS response_seconds
    FROM leads l LEFT JOIN ({POSTGRES_FOLLOW_UPS}) f ON f.lead_id = l.lead_id
"""

POSTGRES = {
    "Q1": f"""SELECT to_char(created_at, 'YYYY-MM') AS month, avg(CASE WHEN followups > 0 THEN 1.0 ELSE 0.0 END) AS rate
              FROM ({POSTGRES_LEADS}) x GROUP BY 1 ORDER BY 1""",
    "Q2": f"""SELECT to_char(created_at, 'YYYY-MM') AS month, avg(CASE WHEN followups > 0 THEN 1.0 ELSE 0.0 END) AS rate
              FROM ({POSTGRES_LEADS}) x WHERE segment = 'SMB' GROUP BY 1 ORDER BY 1""",
    "Q3": f"""SELECT owner, percentile_cont(0.5) WITHIN GROUP (ORDER BY response_seconds) / 3600.0 AS speed
              FROM ({POSTGRES_LEADS}) x GROUP BY 1 ORDER BY 1""",
    "Q4": f"""SELECT source, avg(CASE WHEN response_seconds <= 3600 THEN 1.0 ELSE 0.0 END) AS "within(1h)"
              FROM ({POSTGRES_LEADS}) x GROUP BY 1 ORDER BY 1""",
    "Q5": """SELECT to_char(t.at, 'YYYY-MM') AS "at.month", t.channel, count(*) AS touches
             FROM touches t JOIN leads l ON t.lead_id = l.lead_id
             WHERE coalesce(lower(t.direction), 'outbound') <> 'inbound' AND t.at >= l.created_at
             GROUP BY 1, 2 ORDER BY 1, 2""",
    "Q6": f"""SELECT segment, region, avg(CASE WHEN followups > 0 THEN 1.0 ELSE 0.0 END) AS rate,
                     percentile_cont(0.5) WITHIN GROUP (ORDER BY response_seconds) / 3600.0 AS speed,
                     avg(CASE WHEN converted_at IS NOT NULL THEN 1.0 ELSE 0.0 END) AS conversion
              FROM ({POSTGRES_LEADS}) x GROUP BY 1, 2 ORDER BY 1, 2""",
}

SPARK_FOLLOW_UPS = """
    SELECT l.lead_id, count(*) AS followups, min(t.`at`) AS first_at
    FROM touches t JOIN leads l ON t.lead_id = l.lead_id
    WHERE coalesce(lower(t.direction), 'outbound') <> 'inbound' AND t.`at` >= l.created_at
    GROUP BY l.lead_id
"""

SPARK_LEADS = f"""
    SELECT l.*, coalesce(f.followups, 0) AS followups,
           (unix_millis(f.first_at) - unix_millis(l.created_at)) / 1000d AS response_seconds
    FROM leads l LEFT JOIN ({SPARK_FOLLOW_UPS}) f ON f.lead_id = l.lead_id
"""

SPARK = {
    "Q1": f"""SELECT date_format(created_at, 'yyyy-MM') AS month, avg(CASE WHEN followups > 0 THEN 1 ELSE 0 END) AS rate
              FROM ({SPARK_LEADS}) GROUP BY 1 ORDER BY 1""",
    "Q2": f"""SELECT date_format(created_at, 'yyyy-MM') AS month, avg(CASE WHEN followups > 0 THEN 1 ELSE 0 END) AS rate
              FROM ({SPARK_LEADS}) WHERE segment = 'SMB' GROUP BY 1 ORDER BY 1""",
    "Q3": f"""SELECT owner, median(response_seconds) / 3600d AS speed
              FROM ({SPARK_LEADS}) GROUP BY 1 ORDER BY 1""",
    "Q4": f"""SELECT source, avg(CASE WHEN response_seconds <= 3600 THEN 1 ELSE 0 END) AS `within(1h)`
              FROM ({SPARK_LEADS}) GROUP BY 1 ORDER BY 1""",
    "Q5": """SELECT date_format(t.`at`, 'yyyy-MM') AS `at.month`, t.channel, count(*) AS touches
             FROM touches t JOIN leads l ON t.lead_id = l.lead_id
             WHERE coalesce(lower(t.direction), 'outbound') <> 'inbound' AND t.`at` >= l.created_at
             GROUP BY 1, 2 ORDER BY 1, 2""",
    "Q6": f"""SELECT segment, region, avg(CASE WHEN followups > 0 THEN 1 ELSE 0 END) AS rate,
                     median(response_seconds) / 3600d AS speed,
                     avg(CASE WHEN converted_at IS NOT NULL THEN 1 ELSE 0 END) AS conversion
              FROM ({SPARK_LEADS}) GROUP BY 1, 2 ORDER BY 1, 2""",
}

HAND = {
    "duckdb": {name: sql for name, _, sql, _ in QUESTIONS},
    "postgres": POSTGRES,
    "spark": SPARK,
}
