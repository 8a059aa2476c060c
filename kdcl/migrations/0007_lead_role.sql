-- 0007: who leads a plan item, by role, written once (was in the overdue list and its breakdown).
-- lead_key(lead): the lead cell folded (no accents, lower case, leading punctuation dropped);
-- lead_role(key): the first role the key names: none, vice_principal, principal, leadership,
-- group_head, teacher, staff, organisation, other.
create macro lead_key(p_lead) as
    regexp_replace(replace(strip_accents(lower(nfc_normalize(coalesce(p_lead, '')))), 'đ', 'd'), '^[^a-z0-9]+', '');

create macro lead_role(p_key) as
    case
        when p_key = '' then 'none'
        when regexp_matches(p_key, '^(pho hieu truong|pht)\b') then 'vice_principal'
        when regexp_matches(p_key, '^(hieu truong|ht)\b') then 'principal'
        when regexp_matches(p_key, '^(bgh|ban giam hieu|lanh dao|ban lanh dao|cap uy|chi bo)\b') then 'leadership'
        when regexp_matches(p_key, '^(ttcm|to truong|to pho|nhom truong|to chuyen mon)\b') then 'group_head'
        when regexp_matches(p_key, '^(gvcn|gvbm|gv|giao vien)\b') then 'teacher'
        when regexp_matches(p_key, '^(nv|nhan vien|ke toan|van thu|thu quy|thu vien|hoc vu|y te)\b') then 'staff'
        when regexp_matches(p_key, '^(cong doan|doan|tong phu trach|tpt|doi|hoi|ban dai dien)\b') then 'organisation'
        else 'other'
    end;
