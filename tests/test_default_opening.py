"""Without an opening in the fill, the draft opens with the skeleton's lead-in formula,
never with a mined first clause that stops at a comma."""
import pytest

from drafter.drafting.engine import build_document


@pytest.mark.parametrize("kind", ["annual", "half_year", "debrief"])
def test_default_opening_is_a_whole_lead_in(tmp_path, kind):
    fill = tmp_path / "fill.yaml"
    fill.write_text(f"kind: {kind}\nunit: 市水利局机关党委\nyear: 2025\n", encoding="utf-8")
    opening = build_document(fill)[0].opening
    assert opening.endswith("：") and "2025年" in opening
    assert not opening.rstrip("：").endswith("，")


def test_annual_default_opening_is_the_general_formula(tmp_path):
    fill = tmp_path / "fill.yaml"
    fill.write_text("kind: annual\nunit: 市水利局机关党委\nyear: 2025\n", encoding="utf-8")
    assert build_document(fill)[0].opening == "现将2025年工作总结如下："
