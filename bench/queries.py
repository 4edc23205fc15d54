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

# The cohort, comparison and action-list forms, each beside the same statement
# without the form (its baseline in leadq) and DuckDB SQL for the form. SETUP
# runs once before every statement: `overdue` depends on `now`.
SETUP = "set now 2026-12-01T00:00:00Z"
NOW = "TIMESTAMP '2026-12-01 00:00:00'"

FOLLOW_UP_TIMES = """
    SELECT l.lead_id, count(*) AS followups, max(t."at") AS last_at,
           count(*) FILTER (WHERE t."at" <= l.converted_at) AS before_conversion
    FROM touches t JOIN leads l ON t.lead_id = l.lead_id
    WHERE coalesce(lower(t.direction), 'outbound') <> 'inbound' AND t."at" >= l.created_at
    GROUP BY l.lead_id
"""

# next_due_at by the default cadence 0, 1d, 3d, 7d, 14d, 30d: the gap after
# the last follow-up (after created_at for the first), null once converted or
# past the cadence's last step.
LEADS_WITH_CADENCE = f"""
    SELECT l.*, coalesce(f.followups, 0) AS followups,
           CASE WHEN f.lead_id IS NULL THEN NULL ELSE coalesce(f.before_conversion, 0) END AS to_convert,
           CASE WHEN l.converted_at IS NOT NULL OR coalesce(f.followups, 0) >= 6 THEN NULL
                WHEN coalesce(f.followups, 0) = 0 THEN l.created_at
                ELSE f.last_at + [0, 1, 3, 7, 14, 30][f.followups + 1] * INTERVAL 1 DAY END AS next_due_at
    FROM leads l LEFT JOIN ({FOLLOW_UP_TIMES}) f ON f.lead_id = l.lead_id
"""

RATE = "avg(CASE WHEN followups > 0 THEN 1.0 ELSE 0.0 END)"
CONVERSION = "avg(CASE WHEN converted_at IS NOT NULL THEN 1.0 ELSE 0.0 END)"

FORMS = [
    ("C1", "condition key", "conversion, leads by response <= 1h", "conversion, leads by segment",
     f"""SELECT response_seconds <= 3600 AS k, {CONVERSION} AS conversion, count(*) AS leads
         FROM ({LEADS_WITH_FOLLOW_UPS}) GROUP BY 1 ORDER BY 1 NULLS LAST""", 1),
    ("C2", "bucket", "conversion by bucket(response, 1h, 4h, 24h)", "conversion by segment",
     f"""SELECT CASE WHEN response_seconds IS NULL THEN NULL WHEN response_seconds < 3600 THEN '<1h'
                     WHEN response_seconds < 14400 THEN '1h-4h' WHEN response_seconds < 86400 THEN '4h-24h'
                     ELSE '24h+' END AS k, {CONVERSION} AS conversion
         FROM ({LEADS_WITH_FOLLOW_UPS}) GROUP BY 1 ORDER BY 1 NULLS LAST""", 1),
    ("C3", "top N", "rate by owner top 3", "rate by owner",
     f"""SELECT owner, {RATE} AS rate FROM ({LEADS_WITH_FOLLOW_UPS})
         GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 3""", 1),
    ("C4", "of_total, running",
     "of_total(count), running(of_total(count)) by followups_to_convert where converted_at is not null",
     "count by followups_to_convert where converted_at is not null",
     f"""SELECT k, c / sum(c) OVER () AS share,
                sum(c) OVER (ORDER BY k NULLS LAST ROWS UNBOUNDED PRECEDING) / sum(c) OVER () AS running
         FROM (SELECT to_convert AS k, count(*)::DOUBLE AS c FROM ({LEADS_WITH_CADENCE})
               WHERE converted_at IS NOT NULL GROUP BY 1) ORDER BY k NULLS LAST""", 1),
    ("C5", "vs previous", "rate by month vs previous", "rate by month",
     f"""WITH m AS (SELECT date_trunc('month', created_at) AS month, {RATE} AS rate
                    FROM ({LEADS_WITH_FOLLOW_UPS}) GROUP BY 1)
         SELECT strftime(a.month, '%Y-%m') AS month, a.rate, b.rate AS rate_previous, a.rate - b.rate AS rate_change
         FROM m a LEFT JOIN m b ON b.month = a.month - INTERVAL 1 MONTH ORDER BY 1""", 1),
    ("C6", "share(overdue)", "leads, share(overdue) by owner", "leads, share(converted_at is null) by owner",
     f"""SELECT owner, count(*) AS leads,
                avg(CASE WHEN next_due_at < {NOW} - INTERVAL 1 DAY THEN 1.0 ELSE 0.0 END) AS "share(overdue)"
         FROM ({LEADS_WITH_CADENCE}) GROUP BY 1 ORDER BY 1""", 1),
]
