"""The readers that pull practice material out of Markdown."""
from textwrap import dedent

from studyguide.practice import sources
from studyguide.practice.text import fingerprint, plain

GLOSSARY = dedent("""\
    ---
    title: Glossary
    ---

    # Glossary

    ## A

    - **A/B test** (randomised controlled experiment): users are randomly split. See
      [[ab-testing]].
    - **ROC** (receiver operating characteristic) curve: rate against rate. See [[metrics]].
    - **Bandit**: explores and exploits, e.g. `UCB`. See [[ab-testing]] and [[metrics#AUC]].
    - not an entry
    - **Empty**:
""")


def test_glossary_entries_with_expansion_suffix_links_and_continuation_lines():
    entries = sources.glossary_entries(GLOSSARY)
    assert [e.term for e in entries] == ["A/B test", "ROC curve", "Bandit"]
    assert entries[0].expansion == "randomised controlled experiment"
    assert entries[0].definition == "users are randomly split."
    assert entries[0].see == ("ab-testing",)
    assert entries[2].expansion == "" and entries[2].definition == "explores and exploits, e.g. UCB."
    assert entries[2].see == ("ab-testing", "metrics")


def test_abbreviations():
    found = sources.abbreviations("*[CTR]: Click-through rate\n*[mAP]: Mean average precision\nprose\n")
    assert [(a.short, a.expansion) for a in found] == [("CTR", "Click-through rate"), ("mAP", "Mean average precision")]


CASE = dedent('''\
    ---
    title: X
    ---
    # X

    ## Clarifying questions

    | Question | Assumed answer | Why it matters |
    |---|---|---|
    | What is the **goal**? | Watch time | Label |
    | How big? | 100M | ANN |

    ## Follow-up questions

    ??? question "A new video: how is it recommended?"
        Content features give it a vector.

        Exploration slots give it impressions.

    ??? question "Empty answer?"

    ```text
    ## Not a heading
    ```

    ## Related topics

    ??? question "Outside the section"
        Not a follow-up.
''')


def test_follow_ups_take_every_block_of_the_section_only():
    found = sources.follow_ups(CASE)
    assert [f.question for f in found] == ["A new video: how is it recommended?"]
    assert found[0].answer == "Content features give it a vector. Exploration slots give it impressions."
    assert found[0].section == "follow-up-questions"


def test_page_without_follow_up_section_has_none():
    assert sources.follow_ups("# Title\n\nText\n") == []


def test_clarifying_questions_are_the_first_column():
    assert sources.clarifying_questions(CASE) == ["What is the goal?", "How big?"]


TOPIC = dedent('''\
    # Metrics

    ## Log loss

    $$
    \\text{LogLoss} = -\\frac{1}{N}
    $$

    ### MRR

    Intro sentence. Mean reciprocal rank rewards the *first* hit:

    $$
    \\text{MRR} = \\frac{1}{|Q|}
    $$

    !!! example "Worked"
        $$
        0.444
        $$

    One-liner: $$x = 1$$
''')


def test_formulas_with_heading_anchor_and_lead_in_not_worked_examples():
    found = sources.formulas(TOPIC)
    assert [f.tex for f in found] == ["\\text{LogLoss} = -\\frac{1}{N}", "\\text{MRR} = \\frac{1}{|Q|}"]
    assert found[0].heading == "Log loss" and found[0].anchor == "log-loss" and found[0].lead_in == ""
    assert found[1].anchor == "mrr"
    assert found[1].lead_in == "Mean reciprocal rank rewards the first hit"


def test_figure_cloze_blanks_the_first_number_with_its_unit():
    figure = sources.figure_cloze("32-dimensional listing embeddings from about 800M sessions", "Airbnb KDD 2018")
    assert figure.number == "32-dimensional"
    assert figure.cloze == "____ listing embeddings from about 800M sessions"
    assert sources.figure_cloze("+21% carousel CTR", "s").number == "+21%"
    assert sources.figure_cloze("a 48M-parameter heavy ranker", "s").number == "48M"
    assert sources.figure_cloze("Prevalence published per quarter", "s") is None


def test_assumptions_are_not_published_figures():
    assert not sources.is_published("assumption")
    assert not sources.is_published("Assumption (ours)")
    assert sources.is_published("Twitter 2023 open-source release")


def test_plain_text_and_fingerprint():
    assert plain("See [[metrics#NDCG|the NDCG section]] and [site](https://x.y), **bold** `code`") == \
        "See the NDCG section and site, bold code"
    assert fingerprint("Click-through  rate.") == fingerprint("click through rate")
    assert fingerprint("Click-through rate") != fingerprint("Conversion rate")
