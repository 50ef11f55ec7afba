"""Who may see and delete an upload (the one permission helper).

An upload has no rule of its own for seeing it: once it belongs to an object, whoever may see that object (its
app's "<app>.view_<model>" rule) may see the file; before that, and after the object is gone, only its owner.
"""

from socialebasis.accounts.permissions import is_administrator, is_signed_in
from socialebasis.core.permissions import can, register

from .selectors import attached_object, view_rule_of


def _is_owner(user, upload) -> bool:
    return is_signed_in(user) and upload.owner_id == user.pk


def _view(user, upload) -> bool:
    obj = attached_object(upload)
    if obj is None:
        return _is_owner(user, upload)
    return can(user, view_rule_of(obj), obj)


def _delete(user, upload) -> bool:
    return _is_owner(user, upload) or is_administrator(user)


register("uploads.view_upload", _view)
register("uploads.delete_upload", _delete)
