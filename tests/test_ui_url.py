"""One way of keeping a widget's state in the URL (kdcl.ui: from_url/to_url, url_choice, url_text),
run by AppTest without a database."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def choice_script():
    import streamlit as st

    from kdcl import ui

    labels = {"TT17": "Tiểu học (17/2018)", "TT18": "THCS (18/2018)"}
    kind = st.session_state.get("kind", "selectbox")
    fw = ui.url_choice("fw", "Khung", list(labels), "TT17", key="w_fw", format_func=labels.get,
                       segmented=kind == "segmented")
    unit = ui.url_choice("drill", "Đơn vị", ["W1", "W2"], None, key="w_drill", placeholder="Chọn…")
    text = ui.url_text("q", "Tìm", key="w_q")
    st.write(f"{fw}|{unit}|{text}")


def run(**params: str) -> AppTest:
    at = AppTest.from_function(choice_script, default_timeout=30)
    for key, value in params.items():
        at.query_params[key] = value
    return at


def shown(at: AppTest) -> str:
    return at.markdown[-1].value


def test_defaults_stay_out_of_the_url():
    at = run().run()
    assert not at.exception
    assert shown(at) == "TT17|None|"
    assert dict(at.query_params) == {}
    assert at.selectbox(key="w_drill").value is None  # no default: the placeholder shows


def test_url_values_by_option_or_by_label():
    at = run(fw="TT18", drill="W2", q="si so").run()
    assert shown(at) == "TT18|W2|si so"
    # a link made when the URL held the option's label still opens the same choice, and is rewritten as the option
    at = run(fw="THCS (18/2018)").run()
    assert shown(at) == "TT18|None|"
    assert at.query_params["fw"] == "TT18"


def test_a_change_goes_to_the_url_and_back_to_the_default_leaves_it():
    at = run().run()
    at.selectbox(key="w_fw").set_value("TT18").run()
    at.selectbox(key="w_drill").set_value("W1").run()
    assert shown(at) == "TT18|W1|"
    assert at.query_params["fw"] == "TT18" and at.query_params["drill"] == "W1"
    at.selectbox(key="w_fw").set_value("TT17").run()
    assert "fw" not in at.query_params


def test_an_invalid_url_value_is_reported_not_used():
    at = run(fw="nope").run()
    assert not at.exception
    assert shown(at) == "TT17|None|"
    assert any("nope" in w.value for w in at.warning)


def test_segmented_control_unselected_gives_the_default():
    at = AppTest.from_function(choice_script, default_timeout=30)
    at.session_state["kind"] = "segmented"
    at.query_params["fw"] = "TT18"
    at.run()
    assert not at.exception
    assert shown(at) == "TT18|None|"


def modes_script():
    import streamlit as st

    from kdcl import ui

    slide = ui.url_number("slide", 1, 5)
    st.write(f"{slide}|{ui.url_flag('present')}")
    st.button("next", key="next", on_click=ui.set_url_number, args=("slide", slide + 1))
    st.button("off", key="off", on_click=ui.set_url_flag, args=("present", False))


def test_link_only_modes_and_numbers():
    at = AppTest.from_function(modes_script, default_timeout=30)
    at.query_params["slide"] = "9"
    at.query_params["present"] = "1"
    at.run()
    assert at.markdown[-1].value == "5|True"  # past the end: the last one, and said so
    assert any("9" in w.value for w in at.warning)
    at.button(key="off").click().run()
    assert at.markdown[-1].value == "5|False" and "present" not in at.query_params
    at.query_params["slide"] = "2"
    at.run()
    at.button(key="next").click().run()
    assert at.query_params["slide"] == "3" and at.markdown[-1].value == "3|False"
    at = AppTest.from_function(modes_script, default_timeout=30)
    at.query_params["slide"] = "hai"
    at.run()
    assert at.markdown[-1].value == "1|False" and any("hai" in w.value for w in at.warning)
