-- record one imported file (its content hash makes a second import of it a duplicate).
-- parameters: $file_name, $sha256, $kind, $format, $school_ids, $school_years, $rows, $detail, $user
-- grain: one row.
insert into import_log (file_name, sha256, kind, format, school_ids, school_years, rows, detail, imported_by)
values ($file_name, $sha256, $kind, $format, $school_ids, $school_years, $rows, $detail, $user)
