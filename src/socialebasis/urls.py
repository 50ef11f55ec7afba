from django.conf import settings
from django.contrib import admin
from django.urls import include, path

# admin.site is core.admin_site.AdminSite (core.apps.AdminConfig): administrators reach it only after their second
# factor.

urlpatterns = [
    path("", include("socialebasis.core.urls")),
    path("", include("socialebasis.areas.urls")),
    path("gemeenten/", include("socialebasis.profiles.urls")),
    path("gemeenten/", include("socialebasis.indicators.urls")),
    path("gemeenten/<str:statcode>/kader/", include("socialebasis.frameworks.urls")),
    path("gemeenten/", include("socialebasis.stories.report_urls")),
    path("sociale-kaart/", include("socialebasis.directory.urls")),
    path("", include("socialebasis.health.urls")),
    path("", include("socialebasis.surveys.urls")),
    path("burenhulp/", include("socialebasis.neighbourhelp.urls")),
    path("verhalen/", include("socialebasis.stories.urls")),
    path("signalen/", include("socialebasis.signalling.urls")),
    path("", include("socialebasis.policy.urls")),
    path("initiatieven/", include("socialebasis.initiatives.urls")),
    path("account/berichten/", include("socialebasis.notifications.urls")),
    path("account/", include("socialebasis.accounts.urls")),
    path("account/", include("socialebasis.privacy.urls")),
    path("stap/", include("socialebasis.workflows.urls")),
    path("bestanden/", include("socialebasis.uploads.urls")),
    path("api/v1/", include("socialebasis.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("beheer/", admin.site.urls),
]

handler400 = "socialebasis.core.views.bad_request"
handler403 = "socialebasis.core.views.permission_denied"
handler404 = "socialebasis.core.views.page_not_found"
handler500 = "socialebasis.core.views.server_error"

if settings.DEBUG:  # pragma: no cover - development only
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
