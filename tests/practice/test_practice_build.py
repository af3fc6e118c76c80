"""The real build writes the practice data the pages read."""
import json


def test_build_emits_deck_and_practice_data_with_site_urls(built_site):
    folder = built_site.path / "assets" / "practice"
    deck = json.loads((folder / "deck.json").read_text(encoding="utf-8"))
    data = json.loads((folder / "practice.json").read_text(encoding="utf-8"))
    assert all(d["cards"] > 0 for d in deck["decks"]), deck["decks"]
    # URLs are the built pages' URLs (directory URLs here), and every one exists
    for card in deck["cards"]:
        page = card["url"].split("#")[0]
        assert (built_site.path / page / "index.html").exists() or (built_site.path / page).is_file(), card
    for case in data["cases"]:
        assert (built_site.path / case["url"] / "index.html").exists()
    assert (folder / "deck.js").read_text(encoding="utf-8").startswith("window.StudyGuideDeck = {")
