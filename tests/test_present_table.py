"""Issue 18: on screen a long slide table shows ten rows and "+ n khác"; print and files keep every row."""

from dataclasses import replace

import pandas as pd
from factory import AS_OF, YEAR

from kdcl.access import Scope
from kdcl.data import Filters
from kdcl.reports import html_slides, slides


def test_long_table_shows_ten_rows_and_how_many_more(tiny_store):
    slide = slides.build_slides(tiny_store, Scope.everything(), Filters(school_year=YEAR, as_of=AS_OF))[1]
    long = pd.DataFrame({"Đơn vị": [f"Đơn vị {i}" for i in range(1, 26)], "Số trường": range(1, 26)})
    slide = replace(slide, table=long, numeric_columns=("Số trường",))

    screen = html_slides.table_html(slide, max_rows=10)
    assert screen.count("<tr>") == 1 + 10  # the header row and ten rows
    assert "Đơn vị 10<" in screen and "Đơn vị 11<" not in screen
    assert "+ 15 khác" in screen
    everything = html_slides.table_html(slide)
    assert "Đơn vị 25<" in everything and "khác" not in everything

    eleven = replace(slide, table=long.head(11))  # one row more than ten: shown, not "+ 1 khác"
    assert "Đơn vị 11<" in html_slides.table_html(eleven, max_rows=10)
    assert "khác" not in html_slides.table_html(eleven, max_rows=10)
