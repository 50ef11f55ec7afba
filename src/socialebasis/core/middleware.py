from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class DutchFirstLocaleMiddleware(LocaleMiddleware):
    """Dutch unless the visitor chose English with the language switch (a cookie).

    Django's own middleware would follow the browser's Accept-Language, so a resident with an English browser
    would get English pages. The platform is Dutch by default; English is a choice.
    """

    def process_request(self, request):
        code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if code not in dict(settings.LANGUAGES):
            code = settings.LANGUAGE_CODE
        translation.activate(code)
        request.LANGUAGE_CODE = translation.get_language()


class RefuseNulMiddleware:
    """Refuse a request with a NUL character (U+0000) in its path, query string, form fields or cookies: 400.

    PostgreSQL refuses NUL in text, so such a value would end as a 500 wherever it reached a query; refusing it
    once, here, spares every view its own check. Under /api/ the answer is a problem document, elsewhere a plain
    Dutch page (rendered without the request context). The content of uploaded files is not looked at: binary
    files may hold any byte; only their names are checked.
    """

    FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._carries_nul(request):
            return self._refusal(request)
        return self.get_response(request)

    def _carries_nul(self, request) -> bool:
        from django.core.exceptions import SuspiciousOperation

        if NUL in request.path or NUL in request.path_info or _any_nul(request.GET.lists()):
            return True
        if _any_nul((name, [value]) for name, value in request.COOKIES.items()):
            return True
        if request.method == "POST" and request.content_type in self.FORM_TYPES:
            try:
                if _any_nul(request.POST.lists()):
                    return True
                return any(NUL in (upload.name or "") for uploads in request.FILES.lists() for upload in uploads[1])
            except SuspiciousOperation:
                # Too many fields or too large: Django answers 400 for these when the view reads the form.
                return False
        return False

    def _refusal(self, request):
        # Imported here: core.views imports the areas app, which is not ready when middleware is loaded.
        from django.http import HttpResponseBadRequest
        from django.template.loader import render_to_string

        from .views import problem_response

        if request.path.startswith("/api/"):
            detail = "De vraag bevat een NUL-teken (%00); dat kan niet worden verwerkt."
            return problem_response(400, "Bad Request", detail)
        return HttpResponseBadRequest(render_to_string("400.html"))


NUL = "\x00"


def _any_nul(lists) -> bool:
    return any(NUL in name or any(NUL in value for value in values) for name, values in lists)
