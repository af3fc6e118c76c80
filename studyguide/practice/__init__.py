"""Practice mode's build-time data: the spaced-repetition deck (deck.py, from sources.py's readers)
and the mock-interview / progress data (data.py). No MkDocs import: hooks/practice_data.py adapts
it to a build; `python -m studyguide.practice docs` prints the deck sizes."""
from studyguide.practice.data import practice_data, scaled_minutes
from studyguide.practice.deck import DECKS, build_deck

__all__ = ["DECKS", "build_deck", "practice_data", "scaled_minutes"]
