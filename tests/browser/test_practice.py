"""Practice mode in real Chromium: a timed mock interview under Playwright's clock, a review
session scheduled by ts-fsrs, progress export / clear / import, refusal of bad files, axe, and the
offline copy from file://."""
from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from chromium import visit

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
START = datetime(2026, 3, 2, 9, 0, 0)
CASE = "video-recommendation"
# Records window.print() instead of opening a print dialog, and counts live-region announcements.
PRINT_AND_ANNOUNCEMENTS = """
window.__printed = 0; window.print = () => { window.__printed += 1 };
window.__announced = [];
new MutationObserver(() => {
  for (const region of document.querySelectorAll('[data-announce]')) {
    if (region.textContent && region.dataset.seen !== region.textContent) {
      region.dataset.seen = region.textContent; window.__announced.push(region.textContent)
    }
  }
}).observe(document, {subtree: true, childList: true, characterData: true});
"""


def practice_data(page: Page) -> dict:
    return page.evaluate("() => window.StudyGuidePracticeData")


def phase_left(page: Page) -> str:
    return page.locator("[data-phase-left]").inner_text()


def axe_problems(page: Page, where: str) -> list[str]:
    # Colours are read once transitions end: a button just clicked (Material eases its colours over
    # 125 ms) measured mid-fade failed color-contrast on a loaded machine.
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", WCAG_21_AA)
    return [f"{where}: {v['id']} ({v['impact']}) {[n['target'] for n in v['nodes'][:3]]}"
            for v in result["violations"] if v["impact"] in {"serious", "critical"}]


def start_mock(page: Page, base: str, minutes: int = 35) -> None:
    page.goto(base, wait_until="networkidle")
    page.locator("#sg-mock-case").select_option(CASE)
    expect(page.locator("[data-prompt]")).to_contain_text("video")
    page.get_by_label(f"{minutes} minutes").check()
    page.get_by_role("button", name="Start the interview").click()


def test_mock_interview_runs_through_every_phase_against_the_clock(page: Page, site_url):
    page.clock.install(time=START - timedelta(seconds=30))
    page.clock.pause_at(START)  # time moves only when the test says so
    page.add_init_script(PRINT_AND_ANNOUNCEMENTS)
    start_mock(page, site_url + "/practice/mock-interview/", minutes=35)
    data = practice_data(page)
    phases, case = data["phases"], next(c for c in data["cases"] if c["slug"] == CASE)
    timer = page.get_by_role("timer", name="Interview clock")
    expect(timer).to_contain_text("Phase 1 of 11: Clarify requirements")
    # 6 of 45 planned minutes, scaled to 35: 4:40; the interview has 35:00
    expect(page.locator("[data-phase-left]")).to_have_text("4:40")
    expect(page.locator("[data-total-left]")).to_have_text("35:00")
    expect(page.locator("[data-questions] li")).to_have_count(
        sum(1 for q in phases[0]["questions"] if not q["kinds"] or "predictive" in q["kinds"]))
    for name in ("Pause", "Next phase", "End the interview"):
        expect(page.get_by_role("button", name=name)).to_be_visible()

    page.clock.run_for("03:00")
    expect(page.locator("[data-phase-left]")).to_have_text("1:40")
    expect(page.locator("[data-total-left]")).to_have_text("32:00")

    # pause: time stands still; resume: it runs on
    page.get_by_role("button", name="Pause").click()
    page.clock.run_for("05:00")
    expect(page.locator("[data-phase-left]")).to_have_text("1:40")
    expect(page.locator("[data-paused]")).to_be_visible()
    page.get_by_role("button", name="Resume").click()
    page.clock.run_for("02:00")
    # overrun: -0:20, a visible warning, announced once
    expect(page.locator("[data-phase-left]")).to_have_text("-0:20")
    expect(page.locator("[data-overrun]")).to_be_visible()
    expect(page.locator("[data-overrun]")).to_contain_text("Over time")
    page.locator("#sg-mock-notes").fill("goal: watch time; 100M DAU")

    # reload mid-way: same phase, same time, notes kept
    page.reload(wait_until="networkidle")
    expect(page.locator("[data-phase-left]")).to_have_text("-0:20")
    expect(page.locator("#sg-mock-notes")).to_have_value("goal: watch time; 100M DAU")

    page.get_by_role("button", name="Next phase").click()
    expect(timer).to_contain_text("Phase 2 of 11: Frame as an ML problem")
    expect(page.locator("[data-phase-left]")).to_have_text("2:20")  # 3 min * 35/45
    expect(page.locator("[data-overrun]")).to_be_hidden()

    # background tab: the system clock jumps 2 minutes while no timer fires; one tick later the
    # clock shows the whole 2 minutes (time comes from timestamps, not from counting ticks)
    page.clock.set_system_time(START + timedelta(minutes=12, seconds=0))
    page.clock.run_for(600)
    expect(page.locator("[data-phase-left]")).to_have_text("0:19")
    expect(page.locator("[data-total-left]")).to_have_text("27:59")

    for number in range(3, 12):
        page.clock.run_for("01:00")
        page.get_by_role("button", name="Next phase").click()
        expect(timer).to_contain_text(f"Phase {number} of 11: {phases[number - 1]['title']}")
    announced = page.evaluate("() => window.__announced")
    # since the reload: one announcement per phase change, one when phase 2 overran, nothing else
    changes = [f"Phase {n} of 11: {phases[n - 1]['title']}, "
               f"{round(phases[n - 1]['minutes'] * 35 / 45)} minutes planned." for n in range(2, 12)]
    assert announced == [changes[0], "Over time on Frame as an ML problem.", *changes[1:]]

    page.clock.run_for("01:00")
    page.get_by_role("button", name="Finish the interview").click()
    expect(page.get_by_role("heading", name=f"Time! {case['title']}")).to_be_visible()

    # rubric: the case's whole checklist; ticks count in the summary
    boxes = page.locator(".sg-mock__rubric input[type=checkbox]")
    expect(boxes).to_have_count(sum(len(g["items"]) for g in case["rubric"]))
    rubric_size = boxes.count()
    for index in range(3):
        boxes.nth(index).check()
    expect(page.locator("[data-summary-line]")).to_contain_text(f"covered: 3 of {rubric_size}")
    rows = page.locator(".sg-summary tbody tr")
    expect(rows).to_have_count(11)
    expect(rows.first).to_contain_text("over by 0:20")

    # follow-up questions one at a time, each with a link to its answer
    follow_ups = page.locator("[data-followups] li")
    expect(follow_ups).to_have_count(0)
    page.get_by_role("button", name=re.compile("Reveal the next follow-up")).click()
    expect(follow_ups).to_have_count(1)
    expect(follow_ups.first).to_contain_text(case["follow_ups"][0]["question"])
    page.get_by_role("button", name=re.compile("Reveal the next follow-up")).click()
    expect(follow_ups).to_have_count(2)
    expect(page.get_by_role("link", name=f"Read the worked answer: {case['title']}")).to_have_attribute(
        "href", re.compile(rf"/case-studies/{CASE}/$"))

    # printable summary: only the summary, on one page
    page.get_by_role("button", name="Print the summary").click()
    assert page.evaluate("() => window.__printed") == 1
    pdf = page.pdf(format="A4")
    from io import BytesIO

    from pypdf import PdfReader
    reader = PdfReader(BytesIO(pdf))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert f"Mock interview summary: {case['title']}" in text and "goal: watch time" in text
    assert "Self-assessment" not in text

    # the attempt is in the history, with its ticks
    history = page.evaluate("() => StudyGuideStore.history()")
    assert len(history) == 1 and len(history[0]["covered"]) == 3 and history[0]["total"] == 35
    visit(page, site_url + "/practice/progress/")
    expect(page.locator(f'[data-attempt="{history[0]["id"]}"]')).to_contain_text(f"3 of {rubric_size}")


def test_mock_interview_by_keyboard_only_with_surprise_and_tag_filter(page: Page, site_url):
    visit(page, site_url + "/practice/mock-interview/")
    page.locator("#sg-mock-tag").select_option("integrity")
    integrity = {c["slug"] for c in practice_data(page)["cases"] if "integrity" in c["tags"]}
    page.get_by_role("button", name="Surprise me").focus()
    page.keyboard.press("Enter")
    assert page.locator("#sg-mock-case").input_value() in integrity
    page.keyboard.press("Tab")  # the checked length (45 minutes)
    page.keyboard.press("Tab")  # Start
    page.keyboard.press("Enter")
    expect(page.get_by_role("timer")).to_contain_text("Phase 1 of 11")
    expect(page.get_by_role("button", name="Pause")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Resume")).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("timer")).to_contain_text("Phase 2 of 11")


def test_reduced_motion_turns_the_progress_bar_animation_off(page: Page, site_url):
    page.emulate_media(reduced_motion="reduce")
    start_mock(page, site_url + "/practice/mock-interview/")
    assert page.locator("[data-bar]").evaluate("e => getComputedStyle(e).transitionDuration") == "0s"
    page.emulate_media(reduced_motion="no-preference")
    assert page.locator("[data-bar]").evaluate("e => getComputedStyle(e).transitionDuration") != "0s"


def deck_row(page: Page, key: str):
    return page.locator(f'tr[data-deck="{key}"]')


def test_review_session_grades_and_due_counts_after_a_day(page: Page, site_url):
    page.clock.install(time=START - timedelta(seconds=30))
    page.clock.pause_at(START)
    visit(page, site_url + "/practice/review/")
    assert page.evaluate("() => typeof window.FSRS.fsrs") == "function"  # ts-fsrs, served by the site
    decks = page.evaluate("() => StudyGuideDeck.decks")
    for deck in decks:
        expect(deck_row(page, deck["key"]).locator("[data-due]")).to_have_text("0")
        expect(deck_row(page, deck["key"]).locator("[data-new]")).to_have_text(str(min(20, deck["cards"])))
    page.get_by_label("New cards per day").fill("4")
    page.get_by_label("New cards per day").press("Enter")
    page.get_by_label("New cards per day").blur()
    expect(deck_row(page, "abbreviations").locator("[data-new]")).to_have_text("4")

    page.get_by_role("button", name="Review Abbreviations").click()
    expect(page.locator("[data-left]")).to_have_text("4 cards left in this session")
    first_front = page.locator("[data-front]").inner_text()
    assert first_front.startswith("What does ") and first_front.endswith(" stand for?")
    grades = []
    for grade in ("Easy", "Easy", "Again", "Good"):
        page.get_by_role("button", name="Show the answer").click()
        expect(page.locator("[data-back]")).to_be_visible()
        button = page.get_by_role("button", name=re.compile(f"^{grade}:"))
        expect(button).to_be_visible()
        grades.append(button.inner_text())
        if grade == "Good":
            page.keyboard.press("3")  # keyboard grading
        else:
            button.click()
    assert grades[0].startswith("Easy (") and grades[0].endswith(" d)")
    assert grades[2] == "Again (1 min)"
    # the card graded Again (due in a minute) and the Good one (in 10 minutes) come back this session
    expect(page.locator("[data-left]")).to_have_text("2 cards left in this session")
    page.get_by_role("button", name="Stop reviewing").click()
    expect(deck_row(page, "abbreviations").locator("[data-new]")).to_have_text("0")  # limit used up
    expect(deck_row(page, "glossary").locator("[data-new]")).to_have_text("0")  # the limit is per day, for all decks
    expect(deck_row(page, "abbreviations").locator("[data-due]")).to_have_text("0")

    # a day later: the Again and Good cards are due, the Easy ones are not; 4 new cards again
    page.clock.fast_forward("24:00:00")
    page.reload(wait_until="networkidle")
    expect(deck_row(page, "abbreviations").locator("[data-due]")).to_have_text("2")
    expect(deck_row(page, "abbreviations").locator("[data-new]")).to_have_text("4")
    srs = page.evaluate("() => StudyGuideStore.srs()")
    assert [entry["rating"] for entry in srs["log"]] == [4, 4, 1, 3]
    assert len(srs["cards"]) == 4


def test_review_shows_formulas_typeset_and_links_to_the_section(page: Page, site_url):
    visit(page, site_url + "/practice/review/")
    page.get_by_role("button", name="Review Key formulas").click()
    page.get_by_role("button", name="Show the answer").click()
    expect(page.locator("[data-back] .katex").first).to_be_visible(timeout=10_000)
    link = page.locator("[data-back] a")
    expect(link).to_have_attribute("href", re.compile(r"/(topics|framework)/[^/]+/#[\w-]+$"))


def seed_progress(page: Page, site_url: str) -> None:
    """Some of everything: a checklist tick, a page read, a card reviewed, a mock attempt."""
    visit(page, site_url + f"/case-studies/{CASE}/")
    page.locator(".sg-checklist input[type=checkbox]").first.check()
    visit(page, site_url + "/practice/review/")
    page.get_by_role("button", name="Review Glossary terms").click()
    page.get_by_role("button", name="Show the answer").click()
    page.get_by_role("button", name=re.compile("^Easy:")).click()
    page.evaluate("""() => StudyGuideStore.saveHistory([{id: 'mock-1', slug: 'video-recommendation',
      title: 'Video recommendation', url: 'case-studies/video-recommendation/', total: 45, startedAt: Date.now(),
      finishedAt: Date.now(), phases: [{key: 'clarify', title: 'Clarify requirements', planned: 360000, spent: 400000}],
      covered: ['clarify.restate'], of: 39, notes: {}}])""")
    visit(page, site_url + "/practice/progress/")
    page.get_by_label("Read: Framework overview").check()


def exported(page: Page) -> dict:
    data = page.evaluate("() => StudyGuideStore.exportAll()")
    data.pop("exportedAt")
    return data


def test_export_clear_import_round_trip(page: Page, site_url, tmp_path):
    seed_progress(page, site_url)
    expect(page.locator('[data-stat="read"]')).to_contain_text("Pages read: 1 of")
    expect(page.locator('[data-stat="ticks"]')).to_have_text("Checklist items ticked: 1")
    expect(page.locator('[data-stat="mocks"]')).to_have_text("Mock interviews: 1")
    expect(page.locator('[data-stat="streak"]')).to_contain_text("Streak: 1 day")
    expect(page.locator('tr[data-section="Framework"]')).to_contain_text("1")
    before = exported(page)

    with page.expect_download() as download:
        page.get_by_role("button", name="Export all progress").click()
    path = tmp_path / "progress.json"
    download.value.save_as(path)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["format"] == "ml-system-design-guide/progress" and saved["version"] == 2
    assert saved["checklists"] == {f"case-studies/{CASE}": ["clarify.restate"]}
    assert list(saved["read"]) == ["framework/overview"] and len(saved["srs"]["cards"]) == 1

    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Clear all progress…").click()
    expect(page.locator("[data-message]")).to_have_text("Nothing was cleared.")
    assert exported(page) == before

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear all progress…").click()
    expect(page.locator("[data-message]")).to_have_text("All progress was cleared.")
    expect(page.locator('[data-stat="mocks"]')).to_have_text("Mock interviews: 0")
    assert page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('studyguide:')).length") == 0

    page.get_by_label("Import progress from an exported file:").set_input_files(path)
    expect(page.locator("[data-message]")).to_contain_text("Imported “progress.json”")
    assert exported(page) == before
    expect(page.locator('[data-stat="mocks"]')).to_have_text("Mock interviews: 1")
    visit(page, site_url + f"/case-studies/{CASE}/")
    expect(page.locator(".sg-checklist input[type=checkbox]").first).to_be_checked()


BAD_FILES = {
    "not-json.json": ("{ this is not json", "not valid JSON"),
    "foreign.json": (json.dumps({"deck": [1, 2, 3]}), "not a progress file of this guide"),
    "future.json": (json.dumps({"format": "ml-system-design-guide/progress", "version": 99}), "newer than this site"),
    "damaged.json": (json.dumps({"format": "ml-system-design-guide/progress", "version": 2, "checklists": {"x": "y"},
                                 "read": {}, "srs": {"cards": {}}, "mock": {"current": None, "history": []}}),
                     "\"checklists\" is damaged"),
}


def test_corrupt_or_foreign_files_are_refused_and_nothing_changes(page: Page, site_url, tmp_path):
    seed_progress(page, site_url)
    before = exported(page)
    for name, (content, message) in BAD_FILES.items():
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        page.get_by_label("Import progress from an exported file:").set_input_files(path)
        expect(page.locator("[data-message]")).to_contain_text("Not imported, nothing was changed.")
        expect(page.locator("[data-message]")).to_contain_text(message)
        expect(page.locator("[data-message]")).to_have_class(re.compile("sg-progress__message--error"))
        assert exported(page) == before, name


def test_a_version_1_file_is_migrated_on_import(page: Page, site_url, tmp_path):
    visit(page, site_url + "/practice/progress/")
    old = {"format": "ml-system-design-guide/progress", "version": 1, "items": {
        f"studyguide:checklist:case-studies/{CASE}:metrics.offline": "1",
        "studyguide:read": json.dumps({"topics/metrics": "2026-03-01"}),
        "studyguide:mock-history": "[]"}}
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    page.get_by_label("Import progress from an exported file:").set_input_files(path)
    expect(page.locator("[data-message]")).to_contain_text("Imported")
    data = exported(page)
    assert data["version"] == 2
    assert data["checklists"] == {f"case-studies/{CASE}": ["metrics.offline"]}
    assert data["read"] == {"topics/metrics": "2026-03-01"}
    expect(page.get_by_label("Read: Metrics for ML systems")).to_be_checked()


def test_reaching_the_end_of_a_page_marks_it_read(page: Page, site_url):
    visit(page, site_url + "/topics/metrics/")
    box = page.get_by_label("I have read this page")
    expect(box).not_to_be_checked()
    box.scroll_into_view_if_needed()
    expect(box).to_be_checked()
    assert "topics/metrics" in page.evaluate("() => StudyGuideStore.readPages()")
    box.uncheck()
    assert "topics/metrics" not in page.evaluate("() => StudyGuideStore.readPages()")


def test_practice_pages_are_axe_clean_in_every_state(page: Page, site_url):
    problems = []
    start_mock(page, site_url + "/practice/mock-interview/")
    problems += axe_problems(page, "mock running")
    page.get_by_role("button", name="End the interview").click()
    page.get_by_role("button", name=re.compile("Reveal the next follow-up")).click()
    problems += axe_problems(page, "mock results")
    visit(page, site_url + "/practice/review/")
    page.get_by_role("button", name="Review all decks").click()
    page.get_by_role("button", name="Show the answer").click()
    problems += axe_problems(page, "review answer")
    seed_progress(page, site_url)
    problems += axe_problems(page, "progress")
    assert problems == []


def test_practice_works_from_the_offline_copy(page: Page, offline_site):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((offline_site / "practice" / "mock-interview.html").as_uri())
    page.locator("#sg-mock-case").select_option(CASE)
    page.get_by_role("button", name="Start the interview").click()
    page.get_by_role("button", name="End the interview").click()
    expect(page.get_by_role("link", name=re.compile("Read the worked answer"))).to_have_attribute(
        "href", re.compile(rf"case-studies/{CASE}\.html$"))
    page.goto((offline_site / "practice" / "review.html").as_uri())
    page.get_by_role("button", name="Review Published figures").click()
    page.get_by_role("button", name="Show the answer").click()
    page.get_by_role("button", name=re.compile("^Good:")).click()
    page.goto((offline_site / "topics" / "metrics.html").as_uri())
    page.get_by_label("I have read this page").scroll_into_view_if_needed()
    expect(page.get_by_label("I have read this page")).to_be_checked()
    page.goto((offline_site / "practice" / "progress.html").as_uri())
    expect(page.locator('[data-stat="mocks"]')).to_have_text("Mock interviews: 1")
    expect(page.get_by_label("Read: Metrics for ML systems")).to_be_checked()
    expect(page.locator('tr[data-deck="figures"] td').nth(1)).to_have_text("1")  # reviewed
    assert errors == []
