-- GET /v1/topics/{slug}: the topic with counts of stances by position.
SELECT onrecord_topic_detail_json(t)::text FROM topics t WHERE t.slug = $1
