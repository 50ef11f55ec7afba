from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "socialebasis.api"
    verbose_name = "API"
