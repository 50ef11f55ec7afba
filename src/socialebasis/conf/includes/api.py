"""REST API: DRF and drf-spectacular."""

from ..env import config

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "socialebasis.api.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["socialebasis.api.renderers.JSONRenderer"],
    "EXCEPTION_HANDLER": "socialebasis.api.errors.problem_exception_handler",
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "socialebasis.api.throttling.SignedInRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": config("API_ANON_RATE", "120/min", "Requests per client without an account."),
        "user": config("API_USER_RATE", "600/min", "Requests per signed-in user."),
        "assessments": config(
            "API_ASSESSMENT_RATE",
            "30/min",
            'Assessments ("hoort dit bij de sociale basis?") per client; anyone may ask, so this is kept low.',
        ),
    },
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Sociale Basis API",
    "DESCRIPTION": (
        "Areas (CBS municipalities, districts and neighbourhoods per division year), municipalities' own "
        "area divisions, and each municipality's local framework of the sociale basis with its assessment "
        '("hoort dit bij de sociale basis?"). Errors follow RFC 9457 (application/problem+json).'
    ),
    "VERSION": "1.0.0",
    "LICENSE": {"name": "EUPL-1.2", "url": "https://eupl.eu/1.2/nl/"},
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {"VerdictEnum": "socialebasis.frameworks.models.Verdict"},
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "socialebasis.api.schema.closed_objects",
    ],
}
