-- GET /v1/topics/{slug}: the topic with counts of stances by position, and
-- its version (ETag).
SELECT onrecord_topic_detail_json(t)::text, t.version::text FROM topics t WHERE t.slug = $1
