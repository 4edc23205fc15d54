"""The six benchmark questions, as leadq statements and as DuckDB SQL that
computes the same thing from the raw CSV tables (follow-ups derived on the fly:
outbound or no direction, at or after the lead's creation)."""

FOLLOW_UPS = """
    SELECT l.lead_id, count(*) AS followups, min(t."at") AS first_at
    FROM touches t JOIN leads l ON t.lead_id = l.lead_id
    WHERE coalesce(lower(t.direction), 'outbound') <> 'inbound' AND t."at" >= l.created_at
    GROUP BY l.lead_id
"""

LEADS_WITH_FOLLOW_UPS = f"""
    SELECT l.*, coalesce(f.followups, 0) AS followups,
           epoch(f.first_at) - epoch(l.created_at) AS response_seconds
    FROM leads l LEFT JOIN ({FOLLOW_UPS}) f ON f.lead_id = l.lead_id
"""

QUESTIONS = [
    ("Q1", "rate by month",
     f"""SELECT strftime(created_at, '%Y-%m') AS month, avg(CASE WHEN followups > 0 THEN 1.0 ELSE 0.0 END) AS rate
         FROM ({LEADS_WITH_FOLLOW_UPS}) GROUP BY 1 ORDER BY 1""", 1),
    ("Q2", 'rate where segment="SMB" by month',
     f"""SELECT strftime(created_at, '%Y-%m') AS month, avg(CASE WHEN followups > 0 THEN 1.0 ELSE 0.0 END) AS rate
         FROM ({LEADS_WITH_FOLLOW_UPS}) WHERE segment = 'SMB' GROUP BY 1 ORDER BY 1""", 1),
    ("Q3", "speed by owner",
     f"""SELECT owner, median(response_seconds) / 3600.0 AS speed
         FROM ({LEADS_WITH_FOLLOW_UPS}) GROUP BY 1 ORDER BY 1""", 1),
    ("Q4", "within(1h) by source",
     f"""SELECT source, avg(CASE WHEN response_seconds <= 3600 THEN 1.0 ELSE 0.0 END) AS "within(1h)"
         FROM ({LEADS_WITH_FOLLOW_UPS}) GROUP BY 1 ORDER BY 1""", 1),
    ("Q5", "touches by at.month, channel",
     """SELECT strftime(t."at", '%Y-%m') AS "at.month", t.channel, count(*) AS touches
        FROM touches t JOIN leads l ON t.lead_id = l.lead_id
        WHERE coalesce(lower(t.direction), 'outbound') <> 'inbound' AND t."at" >= l.created_at
        GROUP BY 1, 2 ORDER BY 1, 2""", 2),
    ("Q6", "rate, speed, conversion by segment, region",
     f"""SELECT segment, region, avg(CASE WHEN followups > 0 THEN 1.0 ELSE 0.0 END) AS rate,
                median(response_seconds) / 3600.0 AS speed,
                avg(CASE WHEN converted_at IS NOT NULL THEN 1.0 ELSE 0.0 END) AS conversion
         FROM ({LEADS_WITH_FOLLOW_UPS}) GROUP BY 1, 2 ORDER BY 1, 2""", 2),
]
