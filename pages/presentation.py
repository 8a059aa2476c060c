"""Trình chiếu: full-width slides for a council meeting, one at a time (?slide=N) or all of them
for printing (?print=1), and the exports people can hand out (pptx, pdf, xlsx, a school's docx).

The slides' content is kdcl.reports.slides (a pure model shared with the exports), built once
per data version and filters through ui.load; this page only draws it: HTML pieces from
kdcl.reports.html_slides around a plotly chart from kdcl.charts.slide_chart. The export
libraries (python-pptx, openpyxl) load only when a file is downloaded.
"""

import streamlit as st

from kdcl import charts, ui
from kdcl.data import school as school_data
from kdcl.data.plan_document import plan_document
from kdcl.reports import html_slides, pdf_report
from kdcl.reports import slides as slide_model
from kdcl.reports.plan_docx import build_plan_docx
from kdcl.reports.plan_docx import file_name as docx_file_name
from kdcl.strings import t

PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

PRINT_SHRINK = 0.85  # print view: chart size relative to the PDF's (Streamlit adds gaps and margins)

PAGE_CSS = """
[data-testid="stMainBlockContainer"] { padding-top: 4rem; }
.st-key-slide, [class*="st-key-print_slide_"] { background: #ffffff; border: 1px solid #d0d7de;
  border-radius: 8px; padding: 22px 28px 14px 28px; }
.st-key-slide .stPlotlyChart, [class*="st-key-print_slide_"] .stPlotlyChart { margin: 0 auto; }
@media print {
  @page { size: A4 landscape; margin: 8mm; }
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
  .st-key-print_controls, .st-key-nav { display: none !important; }
  [data-testid="stMain"], [data-testid="stAppViewContainer"], [data-testid="stMainBlockContainer"] {
    overflow: visible !important; height: auto !important; padding: 0 !important; max-width: none !important; }
  [class*="st-key-print_slide_"] { border: none; padding: 0; break-inside: avoid; page-break-inside: avoid;
    break-after: page; page-break-after: always; }
  [class*="st-key-print_slide_"]:last-of-type { break-after: auto; page-break-after: auto; }
  [class*="st-key-print_slide_"] [data-testid="stHorizontalBlock"] { display: flex !important;
    flex-wrap: nowrap !important; }
  [class*="st-key-print_slide_"] [data-testid="stColumn"] { width: auto !important; min-width: 0 !important; }
}
"""

SLIDE_W = 1180  # full screen: the slide's layout width in CSS px before it is scaled to the window

PRESENT_CSS = """
html, body, [data-testid="stApp"], [data-testid="stAppViewContainer"], [data-testid="stMain"] {
  overflow: hidden !important; background: #ffffff; }
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
[data-testid="stBottom"], .st-key-present_keys { display: none !important; }
.st-key-slide { position: fixed !important; left: 50%; top: 50%; z-index: 10; width: $wpx !important;
  border: none !important; border-radius: 0 !important; background: #ffffff;
  transform: translate(-50%, -50%) scale(var(--kdcl-scale, 1)); transform-origin: center center; }
.st-key-present_controls { position: fixed !important; right: 8px; top: 6px; z-index: 20; width: auto !important;
  opacity: 0.25; transition: opacity 0.2s; gap: 4px; }
.st-key-present_controls:hover, .st-key-present_controls:focus-within { opacity: 1; }
""".replace("$w", str(SLIDE_W))

# Scales the full-screen slide to the window (CSS cannot divide a length by a length in every browser
# a projector PC may run): the ratio window/slide, kept up to date on resize and whenever Streamlit
# redraws the slide. Runs in the page itself (st.html, not an iframe); installed once per browser tab.
FIT_SCRIPT = """<script>
(() => {
  if (window.kdclFit) { window.kdclFit(); return; }
  let pending = false, watched = null;
  const fit = () => {
    pending = false;
    const slide = document.querySelector('.st-key-slide');
    if (!slide || !slide.offsetWidth || !slide.offsetHeight) return;
    if (watched !== slide) { watched = slide; sized.observe(slide); }  // a chart drawn late changes its height
    const margin = 0.98;
    const scale = Math.min(window.innerWidth / slide.offsetWidth, window.innerHeight / slide.offsetHeight) * margin;
    slide.style.setProperty('--kdcl-scale', scale.toFixed(4));
  };
  const later = () => { if (!pending) { pending = true; requestAnimationFrame(fit); } };
  window.kdclFit = later;
  window.addEventListener('resize', later);
  new MutationObserver(later).observe(document.body, {childList: true, subtree: true});
  const sized = new ResizeObserver(later);
  sized.observe(document.body);
  later();
})();
</script>"""

scope, filters = ui.page_filters(t("present.title"))

deck = ui.load(slide_model.build_deck, scope, filters)
if not deck.slides:
    st.title(t("present.title"))
    st.info(t("empty.no_schools"))
    st.stop()
slides = deck.slides
total = len(slides)
st.html(f"<style>{html_slides.CSS}{PAGE_CSS}</style>")


SCREEN_ROWS = 10  # on screen a long table shows this many rows and "+ n khác" (print and files keep them all)


def draw(slide: slide_model.Slide, number: int, fixed: bool, present: bool = False) -> None:
    """One slide: title, key figures, chart and table, footer (no widgets). `fixed`: the
    chart at the printed slide's size so that printing never cuts it. `present`: the
    full-screen slide, laid out at the printed slide's sizes and scaled, whole, to the screen."""
    st.html(html_slides.header_html(slide) + html_slides.figures_html(slide))
    width, height = html_slides.chart_size(slide)
    if fixed:  # the page's own spacing between elements: a little smaller than in the PDF
        width, height = int(width * PRINT_SHRINK), int(height * PRINT_SHRINK)
    max_rows = None if fixed else SCREEN_ROWS

    def chart() -> None:
        if slide.chart is None:
            st.html(html_slides.note_html(slide))
            return
        fig = charts.slide_chart(slide.chart, height=height, width=width if fixed else None)
        st.plotly_chart(fig, width="content" if fixed else "stretch", key=f"slide_chart_{number}_{fixed}",
                        config={"displayModeBar": False, "staticPlot": True}, theme=None)

    if slide.layout == "stack" or slide.table.empty:
        chart()
        if not slide.table.empty:  # st.html refuses an empty body (a slide with a chart or a note only)
            st.html(html_slides.table_html(slide, max_rows))
    else:
        left, right = st.columns([slide.chart_share, 1 - slide.chart_share], gap="medium")
        with left:
            chart()
        with right:
            st.html(html_slides.table_html(slide, max_rows))
    st.html(html_slides.footer_html(slide, number, total))


def go_to(number: int) -> None:
    ui.set_url_number("slide", number)


def set_present(on: bool) -> None:
    ui.set_url_flag("present", on)


def set_print(on: bool) -> None:
    ui.set_url_flag("print", on)


if ui.url_flag("print"):
    with st.container(key="print_controls"):
        st.info(t("present.print_hint"))
        st.button(t("present.back_to_show"), icon=":material/slideshow:", on_click=set_print, args=(False,),
                  key="present_back")
    for number, slide in enumerate(slides, start=1):
        with st.container(key=f"print_slide_{number}"):
            draw(slide, number, fixed=True)
    st.stop()

current = ui.url_number("slide", 1, total)

if ui.url_flag("present"):
    # Full screen: Streamlit's chrome and the sidebar hidden, one slide laid out at a fixed width
    # and scaled to the window by FIT_SCRIPT; keys through the buttons' own shortcuts (Streamlit
    # 1.67 `st.button(shortcut=...)`), one button per key: ← PgUp, → PgDn, Esc.
    st.html(f"<style>{PRESENT_CSS}</style>")
    st.html(FIT_SCRIPT, unsafe_allow_javascript=True)
    with st.container(key="slide"):
        draw(slides[current - 1], current, fixed=False, present=True)
    with st.container(key="present_controls", horizontal=True, vertical_alignment="center"):
        st.button(t("present.prev"), icon=":material/arrow_back:", on_click=go_to, args=(current - 1,), disabled=current <= 1,
                  key="present_prev", shortcut="Left", help=t("present.prev"))
        st.button(t("present.next"), icon=":material/arrow_forward:", on_click=go_to, args=(current + 1,),
                  disabled=current >= total, key="present_next", shortcut="Right", help=t("present.next"))
        st.button(t("present.exit"), icon=":material/fullscreen_exit:", on_click=set_present, args=(False,),
                  key="present_exit", shortcut="Esc")
    with st.container(key="present_keys"):  # the second key of each move (a presenter's remote sends PgUp/PgDn)
        st.button(t("present.prev"), on_click=go_to, args=(current - 1,), disabled=current <= 1,
                  key="present_pgup", shortcut="PageUp")
        st.button(t("present.next"), on_click=go_to, args=(current + 1,), disabled=current >= total,
                  key="present_pgdn", shortcut="PageDown")
    st.stop()

with st.container(key="nav", horizontal=True, vertical_alignment="center"):
    st.button(t("present.prev"), icon=":material/arrow_back:", on_click=go_to, args=(current - 1,),
              disabled=current <= 1, key="present_prev", shortcut="Left")
    st.markdown(f"**{t('present.position', n=current, total=total)}**", width="content")
    st.button(t("present.next"), icon=":material/arrow_forward:", on_click=go_to, args=(current + 1,),
              disabled=current >= total, key="present_next", type="primary", shortcut="Right")
    st.space("stretch")
    st.button(t("present.full_screen"), icon=":material/fullscreen:", on_click=set_present, args=(True,),
              help=t("present.full_screen_help"), key="present_full")
    st.button(t("present.print_view"), icon=":material/print:", on_click=set_print, args=(True,),
              help=t("present.print_help"), key="present_print")

with st.container(key="slide"):
    draw(slides[current - 1], current, fixed=False)

# --------------------------------------------------------------------------- exports

st.subheader(t("present.export.header"))
st.caption(t("present.export.caption"))
store = ui.get_store()


def pptx_file() -> bytes:
    from kdcl.reports import pptx_deck

    return pptx_deck.build_pptx(slides)


def xlsx_file() -> bytes:
    from kdcl.reports import xlsx_figures

    return xlsx_figures.build_xlsx(slides)


cols = st.columns(3)
cols[0].download_button(
    t("present.export.pptx"), data=pptx_file, file_name=slide_model.file_name(filters, "pptx", scope),
    mime=PPTX_MIME, icon=":material/slideshow:", help=t("present.export.pptx_help"), on_click="ignore",
    key="present_pptx", width="stretch",
)
try:
    pdf_report.find_chromium()
    pdf_error = None
except pdf_report.PdfError as exc:
    pdf_error = str(exc)
cols[1].download_button(
    t("present.export.pdf"), data=lambda: pdf_report.build_pdf(slides), file_name=slide_model.file_name(filters, "pdf", scope),
    mime="application/pdf", icon=":material/picture_as_pdf:", help=pdf_error or t("present.export.pdf_help"),
    on_click="ignore", key="present_pdf", disabled=pdf_error is not None, width="stretch",
)
cols[2].download_button(
    t("present.export.xlsx"), data=xlsx_file, file_name=slide_model.file_name(filters, "xlsx", scope),
    mime=XLSX_MIME, icon=":material/table_view:", help=t("present.export.xlsx_help"), on_click="ignore",
    key="present_xlsx", width="stretch",
)
if pdf_error:
    st.warning(pdf_error)

choices = ui.load(school_data.school_choices, scope, filters)  # the picker's, as on the school page
if not choices.ids:
    st.info(t("present.export.no_school"))
else:
    left, right = st.columns([2, 1], vertical_alignment="bottom")
    options, placeholder = ui.search_first(
        choices.ids, choices.search_keys, st.session_state.get("w_present_school"), "w_present_school_search", left,
    )
    school_id = left.selectbox(
        t("present.export.school"), options, format_func=choices.label,
        key="w_present_school", placeholder=placeholder,
        help=t("present.export.school_help", school_year=filters.school_year),
    )
    right.download_button(
        t("present.export.docx"),
        data=lambda: build_plan_docx(plan_document(store, scope, school_id, filters.school_year), today=filters.as_of),
        file_name=docx_file_name(school_id or "", filters.school_year, filters.as_of), mime=DOCX_MIME,
        icon=":material/description:", on_click="ignore", key="present_docx", width="stretch",
        disabled=school_id is None,  # many schools: none until one is searched for and chosen
    )
