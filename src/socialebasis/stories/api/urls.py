from django.urls import path

from . import views

urlpatterns = [
    path("stories", views.StoryList.as_view(), name="stories"),
    path("stories/<int:pk>", views.StoryDetail.as_view(), name="story"),
    path("story-rounds", views.RoundList.as_view(), name="story-rounds"),
    path("story-rounds/<int:pk>", views.RoundDetail.as_view(), name="story-round"),
]
