"""Who may see and change what. A `Scope` travels with every data call and every
write; the SQL applies it (macro `scoped_schools`), so pages cannot widen it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ROLES = ("admin", "office", "principal", "viewer")
WRITER_ROLES = frozenset({"admin", "office", "principal"})


class AccessDenied(PermissionError):
    """Raised by a write (or a read of one school) outside the user's scope; the
    message is Vietnamese and safe to show."""


@dataclass(frozen=True)
class Scope:
    """What a user may see: everything (admin), one unit and below (office, or a
    viewer limited to a unit), or one school (principal)."""

    unit_id: str | None = None
    school_id: str | None = None
    role: str = "admin"
    user: str = "system"

    @classmethod
    def everything(cls, user: str = "system") -> Scope:
        return cls(user=user)

    @property
    def can_write(self) -> bool:
        return self.role in WRITER_ROLES

    def params(self) -> dict[str, Any]:
        return {"scope_unit_id": self.unit_id, "scope_school_id": self.school_id}
