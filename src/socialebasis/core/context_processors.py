from django.conf import settings


def site(request):
    return {
        "DEMO_MODE": settings.DEMO_MODE,
        "DATA_ATTRIBUTION": "Bron: CBS, RIVM/GGD'en (Gezondheidsmonitor), PDOK — CC BY 4.0",
    }
