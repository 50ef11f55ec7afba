"""Who may do what with initiatives, funds and applications. Registered with the one permission helper.

Initiatives, funds, allocations and granted amounts are public: the overview shows what was granted and what came of
it. An application is seen by its applicant, the fund's initiative table (residents may sit on it) and the
municipality's staff, and by no one else. Deciding needs a declaration "no interest" by the person deciding.
"""

from django.db.models import Q

from socialebasis.core.permissions import can, register
from socialebasis.core.roles import Role, has_role, is_administrator, is_signed_in, works_for

from .models import Declaration, TableMember
from .vocabulary import ApplicationStatus


def _public(user, obj) -> bool:
    return True


def _all(user, queryset):
    return queryset


def is_member(user, fund) -> bool:
    return is_signed_in(user) and TableMember.objects.filter(fund=fund, user=user, is_active=True).exists()


def works_on_fund(user, fund) -> bool:
    """The municipality's professionals and policy officers, and administrators."""
    return is_administrator(user) or (
        has_role(user, Role.PROFESSIONAL, Role.POLICY_OFFICER) and works_for(user, fund.municipality)
    )


def manages_fund(user, fund) -> bool:
    """Policy officers of the municipality: budgets, allocation, table seats, payouts."""
    return is_administrator(user) or (has_role(user, Role.POLICY_OFFICER) and works_for(user, fund.municipality))


def _table(user, application) -> bool:
    return is_member(user, application.fund) or works_on_fund(user, application.fund)


def _is_applicant(user, application) -> bool:
    return is_signed_in(user) and application.applicant_id == user.pk


def _view_application(user, application) -> bool:
    return _is_applicant(user, application) or _table(user, application)


def _applications_scope(user, queryset):
    if not is_signed_in(user):
        return queryset.none()
    if is_administrator(user):
        return queryset
    mine = Q(applicant=user) | Q(fund__members__user=user, fund__members__is_active=True)
    if has_role(user, Role.PROFESSIONAL, Role.POLICY_OFFICER):
        mine |= Q(fund__municipality__in=user.municipalities.all())
    return queryset.filter(mine).distinct()


def _declared_free(user, application) -> bool:
    return Declaration.objects.filter(application=application, member=user, has_conflict=False).exists()


def _review(user, application) -> bool:
    return _table(user, application) and not _is_applicant(user, application)


def _decide(user, application) -> bool:
    return _review(user, application) and _declared_free(user, application)


def _change_application(user, application) -> bool:
    return _is_applicant(user, application) and application.status == ApplicationStatus.DRAFT


def _submit(user, application) -> bool:
    return _change_application(user, application) and application.fund.is_active


def _change_initiative(user, initiative) -> bool:
    if not is_signed_in(user):
        return False
    if initiative.owner_id == user.pk or initiative.members.filter(pk=user.pk).exists():
        return True
    return is_administrator(user) or (
        has_role(user, Role.PROFESSIONAL, Role.POLICY_OFFICER) and works_for(user, initiative.municipality)
    )


def _granted_scope(user, queryset):
    """What anyone may see of an application: the name, wijk and amount of a grant once the decision is sent."""
    return queryset.filter(status=ApplicationStatus.PUBLISHED, decision__in=("granted", "partly"))


def _view_accountability(user, accountability) -> bool:
    if accountability.public and accountability.submitted_at:
        return True
    return _view_application(user, accountability.application)


register("initiatives.view_initiative", _public, _all)
register("initiatives.change_initiative", _change_initiative)
register("initiatives.view_fund", _public, _all)
register("initiatives.manage_fund", manages_fund)
register("initiatives.view_allocation", _public, _all)
register(
    "initiatives.view_grant", lambda user, a: a.status == ApplicationStatus.PUBLISHED and a.is_granted, _granted_scope
)
register("initiatives.view_application", _view_application, _applications_scope)
register("initiatives.change_application", _change_application)
register("initiatives.submit_application", _submit)
register("initiatives.withdraw_application", _is_applicant)
register("initiatives.answer_application", _is_applicant)
register("initiatives.review_application", _review)
register("initiatives.decide_application", _decide)
register("initiatives.record_payout", lambda user, a: manages_fund(user, a.fund))
# Files: a question's attachments are seen by whoever sees the application (uploads' "<app>.view_<model>").
register("initiatives.view_question", lambda user, q: can(user, "initiatives.view_application", q.application))
register("initiatives.view_accountability", _view_accountability)
