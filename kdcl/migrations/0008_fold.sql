-- 0008: fold(text), the one accent- and case-insensitive matching key in SQL, the same rule as
-- kdcl.text.fold (tests/test_text.py checks they agree on random text): NFC, lower case, diacritics
-- stripped, đ -> d, invisible characters dropped, every dash '-', runs of whitespace one space, trimmed.
create macro fold(p_text) as
    trim(regexp_replace(
        translate(
            regexp_replace(
                replace(strip_accents(lower(nfc_normalize(coalesce(p_text, '')))), 'đ', 'd'),
                '[\x{00ad}\x{200b}-\x{200d}\x{2060}\x{feff}]', '', 'g'),
            '‐‑‒–—―−', '-------'),
        '[\t\n\x{0b}\f\r\x{1c}-\x{1f} \x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]+',
        ' ', 'g'), ' ');

-- lead_key: the lead cell folded, leading punctuation dropped (was its own fold in 0007)
create or replace macro lead_key(p_lead) as regexp_replace(fold(p_lead), '^[^a-z0-9]+', '');
