"""Idempotency-Key on POST: a client that never saw the answer (timeout,
dropped connection) sends the same request again with the same key and gets
the same answer, and the record exists once. Keys belong to the API key that
used them; a key reused with another body is refused."""
import json
import threading
import uuid

from conftest import assert_problem, lit, sql_value
from writes_support import (call, count, etag_version, make_actor, patch, post, slug_count,
                            source_body, table_counts, topic_body, uniq)


def _key():
    return "test-" + uuid.uuid4().hex


def test_same_key_same_body_gives_the_same_answer_and_one_record(write_keys):
    body = topic_body()
    key = _key()
    first = post("/v1/topics", body, write_keys.editor, headers={"Idempotency-Key": key})
    assert first.status == 201, first
    second = post("/v1/topics", body, write_keys.editor, headers={"Idempotency-Key": key})
    assert second.status == 201, second
    assert second.raw == first.raw
    assert second.header("Location") == first.header("Location")
    assert second.header("ETag") == first.header("ETag")
    assert slug_count("topics", body["slug"]) == 1
    assert count("changes", "resource = 'topics' AND after->>'slug' = %s"
                 % lit(body["slug"])) == 1


def test_same_key_same_json_in_other_spelling_is_the_same_request(write_keys):
    body = topic_body()
    key = _key()
    first = post("/v1/topics", body, write_keys.editor, headers={"Idempotency-Key": key})
    assert first.status == 201, first
    respelled = json.dumps(dict(reversed(list(body.items()))), indent=4).encode()
    second = call("POST", "/v1/topics", respelled, write_keys.editor,
                  headers={"Idempotency-Key": key})
    assert second.status == 201 and second.raw == first.raw


def test_same_key_other_body_is_refused(write_keys):
    key = _key()
    first = topic_body()
    assert post("/v1/topics", first, write_keys.editor,
                headers={"Idempotency-Key": key}).status == 201
    before = table_counts()
    other = topic_body()
    r = post("/v1/topics", other, write_keys.editor, headers={"Idempotency-Key": key})
    assert_problem(r, 422, code="idempotency-key-reused")
    assert table_counts() == before
    assert slug_count("topics", other["slug"]) == 0
    # Nor may the key be reused on another resource.
    r = post("/v1/actors", {"slug": first["slug"], "name": "X", "kind": "person"},
             write_keys.editor, headers={"Idempotency-Key": key})
    assert_problem(r, 422, code="idempotency-key-reused")


def test_different_keys_make_different_records(write_keys):
    body = source_body()  # sources have no unique key: the same body twice is two sources
    a = post("/v1/sources", body, write_keys.editor, headers={"Idempotency-Key": _key()})
    b = post("/v1/sources", body, write_keys.editor, headers={"Idempotency-Key": _key()})
    assert a.status == b.status == 201
    assert a.body["id"] != b.body["id"]
    assert count("sources", "title = %s" % lit(body["title"])) == 2


def test_without_a_key_a_retry_makes_a_second_record(write_keys):
    body = source_body()
    assert post("/v1/sources", body, write_keys.editor).status == 201
    assert post("/v1/sources", body, write_keys.editor).status == 201
    assert count("sources", "title = %s" % lit(body["title"])) == 2


def test_keys_belong_to_the_api_key_that_used_them(write_keys):
    key = _key()
    a = post("/v1/topics", topic_body(), write_keys.editor, headers={"Idempotency-Key": key})
    b = post("/v1/topics", topic_body(), write_keys.editor2, headers={"Idempotency-Key": key})
    assert a.status == b.status == 201
    assert a.body["slug"] != b.body["slug"]


def test_a_failed_create_does_not_use_up_the_key(write_keys):
    taken = make_actor(write_keys.editor)["slug"]
    key = _key()
    r = post("/v1/actors", {"slug": taken, "name": "Dup", "kind": "person"}, write_keys.editor,
             headers={"Idempotency-Key": key})
    assert_problem(r, 409, code="conflict")
    fixed = {"slug": uniq("actor"), "name": "Fixed", "kind": "person"}
    r = post("/v1/actors", fixed, write_keys.editor, headers={"Idempotency-Key": key})
    assert r.status == 201, r
    assert sql_value("SELECT count(*) FROM idempotency_keys WHERE idempotency_key = %s"
                     % lit(key)) == "1"


def test_an_invalid_body_does_not_use_up_the_key(write_keys):
    key = _key()
    r = post("/v1/topics", {"slug": uniq("topic")}, write_keys.editor,
             headers={"Idempotency-Key": key})
    assert r.status == 422
    r = post("/v1/topics", topic_body(), write_keys.editor, headers={"Idempotency-Key": key})
    assert r.status == 201, r


def test_a_replay_after_an_edit_returns_the_original_answer_and_undoes_nothing(write_keys):
    body = topic_body()
    key = _key()
    first = post("/v1/topics", body, write_keys.editor, headers={"Idempotency-Key": key})
    assert first.status == 201
    edited = patch(first.header("Location"), {"description": "Edited later."},
                   write_keys.editor)
    assert edited.status == 200
    again = post("/v1/topics", body, write_keys.editor, headers={"Idempotency-Key": key})
    # The original answer, whole: body, Location and the version-1 ETag it had.
    assert again.status == 201 and again.raw == first.raw
    assert again.header("ETag") == first.header("ETag") and etag_version(again) == 1
    assert again.header("Location") == first.header("Location")
    # ... and the edit is still there: the record stays at version 2.
    now = call("GET", first.header("Location"))
    assert now.body["description"] == "Edited later."
    assert now.header("ETag") == edited.header("ETag") and etag_version(now) == 2


def test_an_idempotency_key_must_be_1_to_200_bytes(write_keys):
    before = table_counts()
    for key in ("x" * 201,):
        r = post("/v1/topics", topic_body(), write_keys.editor, headers={"Idempotency-Key": key})
        assert_problem(r, 400, code="bad-parameter", parameter="Idempotency-Key")
    assert table_counts() == before
    r = post("/v1/topics", topic_body(), write_keys.editor,
             headers={"Idempotency-Key": _key().ljust(200, "x")})
    assert r.status == 201, r


def test_the_same_request_sent_eight_times_at_once_makes_one_record(write_keys):
    """Concurrent duplicates (a client library retrying eagerly): every answer is
    the same 201, and the record exists once."""
    body = topic_body()
    key = _key()
    gate = threading.Barrier(8)
    answers = []

    def send():
        gate.wait()
        answers.append(post("/v1/topics", body, write_keys.editor,
                            headers={"Idempotency-Key": key}))

    threads = [threading.Thread(target=send) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(answers) == 8
    assert {(r.status, r.raw, r.header("Location")) for r in answers} == \
        {(201, answers[0].raw, "/v1/topics/" + body["slug"])}
    assert slug_count("topics", body["slug"]) == 1
