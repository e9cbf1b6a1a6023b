"""Linear-time lookups and the progress of long builds: the offset index finds the same mentions
as a scan of the document, the meter's lines say documents, megabytes, rate and time left, and a
very large text is warned about and still built."""

from __future__ import annotations

import io
import random

from typer.testing import CliRunner

from amurkg.cli.main import app
from amurkg.pipeline import progress as progress_module
from amurkg.pipeline.build import build
from amurkg.pipeline.progress import ProgressMeter, size_warning
from amurkg.text.spans import SpanIndex

runner = CliRunner()


def test_the_span_index_answers_as_a_scan_of_every_span_does():
    rng = random.Random(7)
    spans = sorted((a, a + rng.randint(1, 9), f"e{i}") for i, a in enumerate(rng.randint(0, 300) for _ in range(200)))
    index = SpanIndex(spans)
    for _ in range(300):
        start = rng.randint(0, 310)
        end = start + rng.randint(0, 20)
        assert index.within(start, end) == [s for s in spans if start <= s[0] and s[1] <= end]
        assert index.around(start, end) == [s for s in spans if s[0] <= start and end <= s[1]]
        assert index.overlapping(start, end) == [s for s in spans if s[0] < end and start < s[1]]
        assert index.starting_at(start) == [s for s in spans if s[0] == start]


def test_mentions_of_a_sentence_and_a_range_are_those_a_scan_finds(built):
    russian = next(t for t in built.linked if t.language == "ru")
    assert len(russian.mentions) > 100
    for index in range(len(russian.sentences)):
        assert russian.mentions_in(index) == [m for m in russian.mentions if m.sentence == index]
    for sentence in russian.sentences[::7]:
        start, end = sentence.start, sentence.end
        assert russian.mentions_within(start, end) == [m for m in russian.mentions if start <= m.start and m.end <= end]
    for mention in russian.mentions:
        assert russian.sentence_at(mention.start) == mention.sentence


def test_the_meter_shows_documents_megabytes_rate_and_time_left():
    now = [100.0]
    stream = io.StringIO()
    meter = ProgressMeter(4, 8_000_000, stream, "lines", clock=lambda: now[0])
    now[0] += 2.0
    meter.document_done("doc-a", 2_000_000, " (ru): 10 mentions")
    meter.stage("doc-b", 3_000_000, "clauses")
    meter.stage("doc-small", 1_000, "clauses")  # a small document has no stage lines
    assert stream.getvalue().splitlines() == [
        "1/4 documents · 2.0/8.0 MB · 1.00 MB/s · ETA 6 s · doc-a (ru): 10 mentions",
        "1/4 documents · 2.0/8.0 MB · 1.00 MB/s · ETA 6 s · doc-b (3.0 MB): clauses",
    ]


def test_on_a_terminal_the_meter_rewrites_one_line_and_keeps_warnings_apart():
    stream = io.StringIO()
    meter = ProgressMeter(2, 2_000, stream, "bar", clock=lambda: 0.0)
    meter.document_done("one", 1_000)
    meter.message("warning: big")
    meter.document_done("two", 1_000)
    meter.close()
    text = stream.getvalue()
    assert text.startswith("\r1/2 documents") and "\rwarning: big\n" in text and text.endswith("two\n")
    assert text.count("\n") == 2  # the warning and the end: the bar itself never adds lines


def test_a_very_large_text_is_warned_about_and_built(project_copy, monkeypatch):
    assert size_warning("d", 6_000_000) is not None and size_warning("d", 4_000_000) is None
    monkeypatch.setattr(
        progress_module, "LARGE_TEXT", 28_000
    )  # the Japanese (30 kB) and Russian (47 kB) texts are larger
    messages: list[str] = []
    result = build(project_copy, validate=False, use_cache=False, progress=messages.append)
    warned = [m for m in messages if m.startswith("warning:")]
    assert len(warned) == 2 and all("MB of text" in m for m in warned)
    assert len(result.documents) == 5 and len(result.relations) > 100


def test_build_progress_lines_on_request(project_copy):
    result = runner.invoke(app, ["build", "--root", str(project_copy.root), "--no-validate", "--progress", "lines"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if " documents · " in line]
    assert len(lines) == 5 and lines[-1].startswith("5/5 documents · 0.1/0.1 MB")
