"""Getting real data in: improvement plans as schools write them (Word .docx or text .txt,
three layouts) and the Excel/CSV templates (schools, assessments, plan items).

    readers   docx_plan, text_plan (layouts in plan_common), tabular (templates in kdcl.templates),
              report_docx (self-assessment / external assessment reports; checked by report_validate)
    safety    size, format and zip checks before any parser runs; text decoding
    validate  schools, criteria, levels, dates, money against the database -> what to write
    write     the writes, inside one transaction per file
    service   import_files(): the whole flow, used by the page and the CLI (decisions documented there)
"""

from kdcl.importing.service import FileResult, Options, Upload, import_files, preview

__all__ = ["FileResult", "Options", "Upload", "import_files", "preview"]
