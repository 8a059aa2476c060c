"""Issue 18: rough edges in a real browser: Streamlit's own widget texts in Vietnamese (the uploader's
"Upload" and "10MB per file", a search's "No results")."""


import pytest
from conftest import wait_for_app


pytestmark = pytest.mark.browser


def test_streamlit_widget_texts_are_vietnamese(signed_in, page):
    signed_in("phong", "office")
    page.get_by_role("link", name="Nhập dữ liệu").click()
    uploader = page.locator('[data-testid="stFileUploaderDropzone"]').first
    uploader.wait_for()
    wait_for_app(page)
    page.get_by_text("Chọn tệp", exact=True).first.wait_for()
    text = uploader.inner_text()
    assert "Tối đa 10 MB mỗi tệp" in text, text
    assert "Upload" not in text and "per file" not in text, text

    box = page.locator('input[role="combobox"]:visible').first
    assert box.get_attribute("placeholder") == "Chọn…"  # was "Choose an option"
    box.click()  # a selectbox's search with nothing found
    page.keyboard.type("zzz")
    page.get_by_text("Không có kết quả").wait_for()
    assert page.get_by_text("No results").count() == 0
