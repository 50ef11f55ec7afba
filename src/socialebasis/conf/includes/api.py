"""REST API: DRF and drf-spectacular."""

from ..env import config

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "socialebasis.api.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    # Query parameters are declared and checked by socialebasis.api.params (ADR 0022), not by filter backends.
    "DEFAULT_FILTER_BACKENDS": [],
    "DEFAULT_PARSER_CLASSES": ["socialebasis.api.parsers.JSONParser"],
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
        "area divisions, wijk profiles and indicator values, each municipality's local framework of the sociale "
        'basis with its assessment ("hoort dit bij de sociale basis?"), and the sociale kaart (activities, meeting '
        "places, organisations; also as HSDS 3.0 under /hsds). Errors follow RFC 9457 (application/problem+json): "
        "400 when a request does not follow this document, 422 when it does but names something that does not "
        "exist or contradicts itself. Text never contains U+0000 (NUL): PostgreSQL cannot store it, so any request "
        "with NUL in its path, query, form or JSON body is a 400."
    ),
    "VERSION": "1.0.0",
    "LICENSE": {"name": "EUPL-1.2", "url": "https://eupl.eu/1.2/nl/"},
    "CONTACT": {
        "name": config("API_CONTACT_NAME", "Sociale Basis", "Contact for API users, as the OpenAPI document names it."),
        "email": config("API_CONTACT_EMAIL", "api@socialebasis.example", "E-mail address of the API contact."),
        "url": config(
            "API_CONTACT_URL", "https://github.com/socialebasis/socialebasis", "Web address of the API contact."
        ),
    },
    # Paths relative to the server, which carries the major version (NL API Design Rules, /core/uri-version).
    "SERVERS": [{"url": "/api/v1", "description": "This installation."}],
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SCHEMA_PATH_PREFIX_TRIM": True,
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {"VerdictEnum": "socialebasis.frameworks.models.Verdict"},
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "socialebasis.api.schema.closed_objects",
        "socialebasis.api.schema.common_responses",
    ],
}
