"""Editorial status: a statement found to be wrong is marked retracted (or
disputed) with a note saying why. It is never removed: it keeps its id, its
reports and stances, and stays in every list."""
import pytest

from conftest import get_all, get_ok, sql_value
from writes_support import (count, etag_version, make_actor, make_source, make_statement,
                            make_topic, patch)


@pytest.fixture(scope="module")
def speaker(write_keys):
    k = write_keys.editor
    return {"actor": make_actor(k)["slug"], "source": make_source(k)["id"],
            "topic": make_topic(k)["slug"]}


@pytest.mark.parametrize("status,note", [
    ("retracted", "The outlet withdrew the interview; the quote was misattributed."),
    ("disputed", "The press service denies the remark; the outlet stands by it."),
])
def test_marking_a_statement(write_keys, speaker, status, note):
    st = make_statement(write_keys.editor, speaker["actor"], [speaker["source"]],
                        stances=[{"topic": speaker["topic"], "position": "supports"}])
    assert st["status"] == "published" and st["status_note"] is None
    path = "/v1/statements/%d" % st["id"]

    r = patch(path, {"status": status, "status_note": note}, write_keys.editor)
    assert r.status == 200, r
    assert r.body["status"] == status and r.body["status_note"] == note
    assert etag_version(r) == 2

    # The record is kept, whole.
    assert count("statements", "id = %d" % st["id"]) == 1
    shown = get_ok(path)
    assert shown == r.body
    assert shown["reports"] == st["reports"] and shown["stances"] == st["stances"]
    assert {k: v for k, v in shown.items() if k not in ("status", "status_note")} == \
        {k: v for k, v in st.items() if k not in ("status", "status_note")}

    # ... and still listed, with its status.
    listed = [s for s in get_all("/v1/statements", actor=speaker["actor"])
              if s["id"] == st["id"]]
    assert len(listed) == 1 and listed[0]["status"] == status
    listed = [s for s in get_all("/v1/actors/%s/statements" % speaker["actor"])
              if s["id"] == st["id"]]
    # List items are lean: the status is there, the note that explains it is on the record.
    assert len(listed) == 1 and listed[0]["status"] == status and "status_note" not in listed[0]
    assert st["id"] in [s["id"] for s in get_all("/v1/statements", actor=speaker["actor"],
                                                 status=status)]
    assert st["id"] not in [s["id"] for s in get_all("/v1/statements", actor=speaker["actor"],
                                                     status="published")]
    assert sql_value("SELECT status FROM statements WHERE id = %d" % st["id"]) == status


def test_retracted_then_published_again(write_keys, speaker):
    st = make_statement(write_keys.editor, speaker["actor"], [speaker["source"]])
    path = "/v1/statements/%d" % st["id"]
    r = patch(path, {"status": "retracted", "status_note": "Misattributed."}, write_keys.editor)
    assert r.status == 200, r
    r = patch(path, {"status": "published", "status_note": None}, write_keys.editor)
    assert r.status == 200, r
    assert r.body["status"] == "published" and r.body["status_note"] is None


def test_the_status_change_is_in_the_history(write_keys, speaker):
    st = make_statement(write_keys.editor, speaker["actor"], [speaker["source"]])
    path = "/v1/statements/%d" % st["id"]
    note = "Denied by the presidential press service."
    assert patch(path, {"status": "disputed", "status_note": note},
                 write_keys.editor2).status == 200
    changes = get_all(path + "/history")
    last = changes[-1]
    assert last["op"] == "update" and last["resource"] == "statements"
    assert last["actor"] == write_keys.name("editor2")
    assert last["before"]["status"] == "published" and last["before"]["status_note"] is None
    assert last["after"]["status"] == "disputed" and last["after"]["status_note"] == note


def test_a_status_note_alone_is_fine_on_a_published_statement(write_keys, speaker):
    st = make_statement(write_keys.editor, speaker["actor"], [speaker["source"]],
                        status_note="Checked against the video.")
    assert st["status"] == "published" and st["status_note"] == "Checked against the video."
    assert sql_value("SELECT status_note FROM statements WHERE id = %d" % st["id"]) == \
        "Checked against the video."
