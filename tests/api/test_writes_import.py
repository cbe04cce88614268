"""`onrecord import FILE`: bulk loading of NDJSON, one record per line, with
the same rules and the same database function as the API.

A good file loads whole (exit 0, "N written, 0 already present, 0 rejected");
importing it again adds nothing ("0 written, N already present"). Bad lines
are reported as FILE:LINE: reason, skipped, and the exit status is 1; the
good lines around them are still loaded."""
import json
import re

import pytest

from conftest import lit, sql_value
from writes_support import (count, make_actor, make_source, run_onrecord, slug_count,
                            table_counts, uniq)

SUMMARY = re.compile(r"^(?P<file>.+): (?P<lines>\d+) lines: (?P<written>\d+) written, "
                     r"(?P<present>\d+) already present, (?P<rejected>\d+) rejected in ",
                     re.M)


def _import(path):
    p = run_onrecord("import", str(path))
    m = SUMMARY.search(p.stderr)
    assert m, "no summary line in: %s" % p.stderr
    assert m.group("file") == str(path)
    counts = {k: int(m.group(k)) for k in ("lines", "written", "present", "rejected")}
    problems = [line for line in p.stderr.splitlines() if line.startswith(str(path) + ":")
                and not SUMMARY.match(line)]
    return p.returncode, counts, problems, p.stderr


def _write(path, lines):
    path.write_text("".join((json.dumps(x, ensure_ascii=False) if isinstance(x, dict) else x)
                            + "\n" for x in lines), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def sources(write_keys):
    """Two sources made through the API, whose ids the files refer to."""
    return [make_source(write_keys.editor, published_on="2024-08-0%d" % d)["id"]
            for d in (1, 2)]


def _good_lines(p, sources):
    return [
        {"type": "outlet", "slug": p + "-outlet", "name": "Test Agency", "state_owned": True,
         "country": "RU", "url": "https://example.org"},
        {"type": "source", "title": p + " agency report", "language": "ru",
         "kind": "news_agency_report", "outlet": p + "-outlet", "published_on": "2024-08"},
        {"type": "actor", "slug": p + "-speaker", "name": "Test Speaker", "kind": "person",
         "other_names": ["Тест Спикер"]},
        {"type": "actor", "slug": p + "-party", "name": "Test Party", "kind": "party"},
        {"type": "topic", "slug": p + "-topic", "proposition": "The test region should unite"},
        {"type": "role", "actor": p + "-speaker", "title": "Party chairman",
         "organization": p + "-party", "start": "2020"},
        {"type": "statement", "actor": p + "-speaker", "said_on": "2024-08", "kind": "paraphrase",
         "language": "ru", "summary": "Calls for unification",
         "reports": [{"source": sources[0], "wording": "Он призвал к объединению."},
                     {"source": sources[1], "wording": "He called for unification."}],
         "stances": [{"topic": p + "-topic", "position": "conditional",
                      "condition": "after a vote"}]},
        {"type": "statement", "attribution": "a party official, speaking anonymously",
         "said_on": "2024", "kind": "direct_quote", "language": "en",
         "summary": "Doubts the timing",
         "reports": [{"source": sources[1], "wording": "Not this year."}],
         "stances": [{"topic": p + "-topic", "position": "opposes"}]},
        {"type": "recognition", "state": p + "-party", "territory": p + "-speaker",
         "recognized_on": "2024-08-26", "sources": [sources[0]]},
    ]


def test_a_good_file_loads_whole_and_a_second_import_adds_nothing(tmp_path, sources):
    p = uniq("imp-good")
    lines = _good_lines(p, sources)
    path = _write(tmp_path / "good.ndjson", lines)
    rc, counts, problems, err = _import(path)
    assert (rc, problems) == (0, []), err
    assert counts == {"lines": 9, "written": 9, "present": 0, "rejected": 0}, err

    assert slug_count("actors", p + "-") == 2
    assert slug_count("outlets", p + "-") == 1 and slug_count("topics", p + "-") == 1
    assert count("sources", "title = %s" % lit(p + " agency report")) == 1
    speaker = int(sql_value("SELECT id FROM actors WHERE slug = %s" % lit(p + "-speaker")))
    assert count("roles", "actor_id = %d" % speaker) == 1
    assert count("statements", "actor_id = %d" % speaker) == 1
    assert count("statement_reports r JOIN statements s ON s.id = r.statement_id",
                 "s.actor_id = %d" % speaker) == 2
    assert count("stances st JOIN topics t ON t.id = st.topic_id",
                 "t.slug = %s" % lit(p + "-topic")) == 2
    assert count("recognitions", "territory_id = %d" % speaker) == 1
    # Written as "import" in the history, like any other writer.
    assert sql_value("SELECT actor FROM changes WHERE resource = 'actors' AND op = 'create' "
                     "AND after->>'slug' = %s" % lit(p + "-speaker")) == "import"

    before = table_counts()
    rc, counts, problems, err = _import(path)
    assert (rc, problems) == (0, []), err
    assert counts == {"lines": 9, "written": 0, "present": 9, "rejected": 0}, err
    assert table_counts() == before


def test_bad_lines_are_reported_by_number_and_the_good_ones_still_load(tmp_path, sources):
    p = uniq("imp-bad")
    lines = [
        {"type": "actor", "slug": p + "-a", "name": "Good Actor", "kind": "person"},      # 1
        '{"type": "actor", "slug": ',                                                   # 2
        "",                                                                             # 3
        {"type": "actor", "slug": p + "-b", "kind": "person"},                          # 4
        {"type": "topic", "slug": p + "-topic", "proposition": "Good topic"},            # 5
        {"type": "statement", "actor": p + "-a", "said_on": "2024-08", "kind": "paraphrase",
         "language": "en", "summary": "Missing source",
         "reports": [{"source": 999999999, "wording": "x"}]},                           # 6
        {"type": "journalist", "name": "Who"},                                          # 7
        {"type": "statement", "actor": p + "-a", "said_on": "2024-02-30",
         "kind": "paraphrase", "language": "en", "summary": "Bad date",
         "reports": [{"source": sources[0], "wording": "x"}]},                          # 8
        {"type": "statement", "actor": p + "-a", "said_on": "2024-08-20",
         "kind": "direct_quote", "language": "en", "summary": "Good statement",
         "reports": [{"source": sources[0], "wording": "We will decide ourselves."}],
         "stances": [{"topic": p + "-topic", "position": "neutral"}]},                  # 9
        {"type": "statement", "actor": p + "-a", "said_on": "2024-08-21",
         "kind": "direct_quote", "language": "en", "summary": "Missing topic",
         "reports": [{"source": sources[0], "wording": "x"}],
         "stances": [{"topic": p + "-nothing", "position": "neutral"}]},                # 10
        {"type": "actor", "slug": p + "-c", "name": "Colour", "kind": "person",
         "colour": "red"},                                                              # 11
    ]
    path = _write(tmp_path / "bad.ndjson", lines)
    with open(path, "ab") as f:
        f.write(b'{"type": "actor", "slug": "%s-d", "name": "Bad \xff", "kind": "person"}\n'
                % p.encode())                                                           # 12
    rc, counts, problems, err = _import(path)
    assert rc == 1, err
    assert counts == {"lines": 12, "written": 3, "present": 0, "rejected": 8}, err

    def at(n):
        return [line[len("%s:%d: " % (path, n)):] for line in problems
                if line.startswith("%s:%d: " % (path, n))]

    numbers = sorted({int(line[len(str(path)) + 1:].split(":")[0]) for line in problems})
    assert numbers == [2, 4, 6, 7, 8, 10, 11, 12], err
    assert any("JSON" in x for x in at(2)), err
    assert at(4) == ["/name is required"], err
    assert at(6) == ["no source with id 999999999 at /reports/0/source"], err
    assert len(at(7)) == 1 and "type" in at(7)[0], err
    assert len(at(8)) == 1 and at(8)[0].startswith("/said_on "), err
    assert at(10) == ["no topic with slug %s-nothing at /stances/0/topic" % p], err
    assert len(at(11)) == 1 and at(11)[0].startswith("/colour "), err
    assert len(at(12)) == 1 and "UTF-8" in at(12)[0], err

    # The good lines (1, 5, 9) are in; nothing of the bad ones is.
    assert slug_count("actors", p + "-") == 1
    assert slug_count("topics", p + "-") == 1
    actor = int(sql_value("SELECT id FROM actors WHERE slug = %s" % lit(p + "-a")))
    assert [x for x in sql_value(
        "SELECT string_agg(summary, '|' ORDER BY id) FROM statements WHERE actor_id = %d"
        % actor).split("|")] == ["Good statement"]

    # Importing the same file again: the good lines are already there, the bad
    # ones are reported again, nothing is written.
    before = table_counts()
    rc, counts, problems, err = _import(path)
    assert rc == 1
    assert counts == {"lines": 12, "written": 0, "present": 3, "rejected": 8}, err
    assert table_counts() == before


def test_a_line_whose_slug_belongs_to_a_different_record_is_rejected(tmp_path, write_keys):
    """A slug already used by a record with other content is a conflict, not
    "already present": the file's version was NOT written, and the editor must
    be told so (FILE:LINE: reason, exit 1)."""
    existing = make_actor(write_keys.editor, name="The Existing Person")
    line = {"type": "actor", "slug": existing["slug"], "name": "Somebody Else Entirely",
            "kind": "party"}
    path = _write(tmp_path / "conflict.ndjson", [line])
    before = table_counts()
    rc, counts, problems, err = _import(path)
    assert table_counts() == before
    assert sql_value("SELECT name FROM actors WHERE slug = %s" % lit(existing["slug"])) == \
        "The Existing Person"
    assert counts == {"lines": 1, "written": 0, "present": 0, "rejected": 1}, err
    assert rc == 1, err
    assert len(problems) == 1 and problems[0].startswith("%s:1: " % path), err
    assert existing["slug"] in problems[0], err


def test_import_reads_standard_input(sources):
    slug = uniq("stdin")
    line = json.dumps({"type": "topic", "slug": slug, "proposition": "Read from a pipe"})
    p = run_onrecord("import", "-", stdin=line + "\n")
    assert p.returncode == 0, p.stderr
    assert "1 written, 0 already present, 0 rejected" in p.stderr, p.stderr
    assert slug_count("topics", slug) == 1


def test_import_of_a_missing_file_fails_cleanly(tmp_path):
    p = run_onrecord("import", str(tmp_path / "nope.ndjson"))
    assert p.returncode == 1 and "nope.ndjson" in p.stderr, p


def test_a_file_longer_than_one_batch(tmp_path):
    """1,100 lines (the import commits every 500): a bad line in the second
    batch is reported with its own number; every other line is loaded."""
    p = uniq("imp-long")
    lines = [{"type": "topic", "slug": "%s-%d" % (p, n), "proposition": "Long file line %d" % n}
             for n in range(1, 1101)]
    lines[700] = {"type": "topic", "slug": "%s-bad" % p}  # line 701: no proposition
    path = _write(tmp_path / "long.ndjson", lines)
    rc, counts, problems, err = _import(path)
    assert rc == 1, err
    assert counts == {"lines": 1100, "written": 1099, "present": 0, "rejected": 1}, err
    assert problems == ["%s:701: /proposition is required" % path], err
    assert slug_count("topics", p + "-") == 1099
    rc, counts, problems, err = _import(path)
    assert counts == {"lines": 1100, "written": 0, "present": 1099, "rejected": 1}, err
    assert slug_count("topics", p + "-") == 1099


def test_statements_go_in_batches_and_a_refused_one_is_found_line_by_line(tmp_path, write_keys,
                                                                          sources):
    """1,100 statements in a row are written 500 at a time; line 701 names a
    source that does not exist, so its batch is retried line by line: that
    line alone is reported, the other 1,099 are written, in file order."""
    p = uniq("imp-batch")
    actor = make_actor(write_keys.editor, slug=p + "-speaker")["slug"]
    lines = [{"type": "topic", "slug": p + "-topic", "proposition": "Batches should hold"}]
    for n in range(1, 1101):
        lines.append({"type": "statement", "actor": actor, "said_on": "2024-08-20",
                      "kind": "paraphrase", "language": "en", "summary": "Batch line %d" % n,
                      "reports": [{"source": sources[n % 2], "wording": "Said %d." % n}],
                      "stances": [{"topic": p + "-topic", "position": "supports"}]})
    lines[701]["reports"] = [{"source": 999999999, "wording": "No such source."}]  # file line 702
    path = _write(tmp_path / "batches.ndjson", lines)

    rc, counts, problems, err = _import(path)
    assert rc == 1, err
    assert counts == {"lines": 1101, "written": 1100, "present": 0, "rejected": 1}, err
    assert len(problems) == 1 and problems[0].startswith("%s:702: " % path), err
    # ids follow the file: summaries in id order are lines 1..1100 without 701
    summaries = sql_value(
        "SELECT string_agg(substr(s.summary, 12), ',' ORDER BY s.id) FROM statements s "
        "JOIN actors a ON a.id = s.actor_id WHERE a.slug = %s" % lit(actor))
    assert summaries == ",".join(str(n) for n in range(1, 1101) if n != 701)
    assert sql_value("SELECT count(*) FROM stances st JOIN topics t ON t.id = st.topic_id "
                     "WHERE t.slug = %s" % lit(p + "-topic")) == "1099"

    rc, counts, problems, err = _import(path)
    assert counts == {"lines": 1101, "written": 0, "present": 1100, "rejected": 1}, err
