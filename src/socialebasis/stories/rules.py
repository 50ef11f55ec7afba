"""Who may read, tell, moderate and select stories (the one permission helper).

The teller's choice decides who reads a story (issue 14 point 1), on every read path — lists, search, API, the
yearly report and its PDF, the patterns — because they all go through `visible(user, "stories.view_story", ...)`:

- a withdrawn story: nobody (the teller took their consent back);
- the teller: their own story in every other state;
- staff of the municipality (professionals, policy officers; administrators everywhere): every story, to moderate;
- a panel member: published stories of the panel's area ("only the panel": the wijk's panel; the municipal panel
  reads every wijk of its municipality);
- everyone else, also without an account: published stories the teller made public.
"""

from django.db.models import Exists, OuterRef, Q

from socialebasis.core.permissions import register
from socialebasis.core.roles import Role, has_role, is_administrator, is_signed_in, municipality_ids_of, works_for

from .models import PUBLIC_VISIBILITIES, Panel, RoundStatus, StoryStatus, Visibility


def _is_teller(user, story) -> bool:
    return is_signed_in(user) and story.teller_id is not None and story.teller_id == user.pk


def _panels_of(user):
    return Panel.objects.filter(members=user) if is_signed_in(user) else Panel.objects.none()


def _sits_on_panel_for(user, story) -> bool:
    return (
        _panels_of(user)
        .filter(municipality_id=story.municipality_id)
        .filter(Q(district__isnull=True) | Q(district_id=story.district_id))
        .exists()
    )


def _view(user, story) -> bool:
    if story.status == StoryStatus.WITHDRAWN:
        return False
    if _is_teller(user, story) or works_for(user, story.municipality):
        return True
    if story.status != StoryStatus.PUBLISHED:
        return False
    return story.visibility in PUBLIC_VISIBILITIES or _sits_on_panel_for(user, story)


def _visible(user, queryset):
    queryset = queryset.exclude(status=StoryStatus.WITHDRAWN)
    if is_administrator(user):
        return queryset
    condition = Q(status=StoryStatus.PUBLISHED, visibility__in=PUBLIC_VISIBILITIES)
    if is_signed_in(user):
        condition |= Q(teller_id=user.pk)
        ids = municipality_ids_of(user)
        if ids:
            condition |= Q(municipality_id__in=ids)
        panels = _panels_of(user).filter(municipality_id=OuterRef("municipality_id"))
        on_panel = Exists(panels.filter(Q(district__isnull=True) | Q(district_id=OuterRef("district_id"))))
        condition |= Q(on_panel, status=StoryStatus.PUBLISHED, visibility=Visibility.PANEL)
    return queryset.filter(condition)


def _moderate(user, story) -> bool:
    if is_administrator(user):
        return True
    return has_role(user, Role.PROFESSIONAL, Role.POLICY_OFFICER) and works_for(user, story.municipality)


def _moderated(user, queryset):
    if is_administrator(user):
        return queryset
    if not has_role(user, Role.PROFESSIONAL, Role.POLICY_OFFICER):
        return queryset.none()
    return queryset.filter(municipality_id__in=municipality_ids_of(user))


def _withdraw(user, story) -> bool:
    return _is_teller(user, story) or _moderate(user, story)


def _tell(user, _obj=None) -> bool:
    return is_signed_in(user)


def _enter_for_someone(user, municipality) -> bool:
    if is_administrator(user):
        return True
    return has_role(user, Role.PROFESSIONAL) and works_for(user, municipality)


def _manage_rounds(user, municipality) -> bool:
    if is_administrator(user):
        return True
    return has_role(user, Role.PROFESSIONAL, Role.POLICY_OFFICER) and works_for(user, municipality)


def _view_round(user, round_) -> bool:
    if round_.status == RoundStatus.COMPLETED:
        return True
    return _manage_rounds(user, round_.panel.municipality) or _panels_of(user).filter(pk=round_.panel_id).exists()


def _visible_rounds(user, queryset):
    if is_administrator(user):
        return queryset
    condition = Q(status=RoundStatus.COMPLETED)
    if is_signed_in(user):
        condition |= Q(panel__members=user)
        if has_role(user, Role.PROFESSIONAL, Role.POLICY_OFFICER):
            condition |= Q(panel__municipality_id__in=municipality_ids_of(user))
    return queryset.filter(condition).distinct()


def _select(user, round_) -> bool:
    """Panel members choose; staff of the municipality may record the panel's choice for it."""
    if round_.status != RoundStatus.OPEN:
        return False
    return _manage_rounds(user, round_.panel.municipality) or _panels_of(user).filter(pk=round_.panel_id).exists()


register("stories.view_story", _view, _visible)
register("stories.tell_story", _tell)
register("stories.enter_story_for_someone", _enter_for_someone)
register("stories.moderate_story", _moderate, _moderated)
register("stories.withdraw_story", _withdraw)
register("stories.manage_rounds", _manage_rounds)
register("stories.view_round", _view_round, _visible_rounds)
register("stories.select_in_round", _select)
register("stories.complete_round", lambda user, round_: _manage_rounds(user, round_.panel.municipality))
