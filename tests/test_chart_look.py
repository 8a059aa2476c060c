"""Issue 20 (small visual defects): level labels in tables read on a projector, and a share chart's
legend never covers its title, whatever the width of the chart and of its group labels."""

import pandas as pd

from kdcl import charts
from kdcl.charts import LEVEL_COLORS, LEVEL_PILL_COLORS, contrast, luminance, pill_text_color, readable_fill


def test_luminance_and_contrast_follow_wcag():
    assert luminance("#000000") == 0 and luminance("#ffffff") == 1
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#777777", "#ffffff"), 2) == 4.48  # the classic just-below-AA grey


def test_every_level_label_reads_and_keeps_its_hue():
    for level, fill in LEVEL_PILL_COLORS.items():
        assert contrast(fill, pill_text_color(fill)) >= 4.5, (level, fill)
        base = LEVEL_COLORS[level]
        if contrast(base, pill_text_color(base)) >= 4.5:
            assert fill == base  # a colour that reads stays the colour of its level
        else:  # lighter, never darker: Mức 1 stays apart from the red of Mức 0, Mức 2 from the blue of Mức 3
            assert luminance(fill) > luminance(base)
            assert pill_text_color(fill) == "#000000"
    # the two light levels were the unreadable ones (white on orange / light blue)
    assert LEVEL_PILL_COLORS[1] != LEVEL_COLORS[1] and LEVEL_PILL_COLORS[2] != LEVEL_COLORS[2]


def test_readable_fill_keeps_dark_and_light_colours():
    assert readable_fill("#b2182b") == "#b2182b"  # white text reads
    assert readable_fill("#eeeeee") == "#eeeeee"  # black text reads
    assert readable_fill("#ef8a62") != "#ef8a62"


def test_share_chart_legend_sits_under_the_chart():
    counts = pd.DataFrame({"unit_id": ["U1", "U1", "U2", "U2"], "level": [1, 2, 2, 3], "schools": [1, 2, 3, 4]})
    labels = {"U1": "Phòng Văn hóa - Xã hội phường Hòa Bình (20)", "U2": "Xã Tân Phú (20)"}
    fig = charts.level_share_by_group(counts, "unit_id", labels, "Mức đạt theo đơn vị quản lý")
    legend = fig.layout.legend
    # in the figure's own box, at its bottom: plotly widens the bottom margin for every row it wraps into;
    # above the plot (paper y=1) it wrapped at the plot area's width and its rows ran over the title
    assert (legend.orientation, legend.yref, legend.y, legend.yanchor) == ("h", "container", 0, "bottom")
    assert (legend.xref, legend.x, legend.xanchor) == ("container", 0, "left")
    assert fig.layout.margin.t == 50  # the title's room only
    assert fig.layout.showlegend is True
