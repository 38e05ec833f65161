"""Views of the public site that are not Wagtail pages (pages are served by Wagtail itself)."""

from django.conf import settings
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import translate_url
from wagtail.models import Locale

from cms.listing import paginate
from cms.search import search_pages, specific_in_order
from cms.search_input import InvalidSearchInput, clean_query


def search(request: HttpRequest) -> TemplateResponse:
    """`/hu/kereses/?q=...` and `/en/search/?q=...`: results in the URL's language only.

    A query that cannot be searched for (`cms.search_input`) shows the reason, with a 400.
    """
    try:
        query = clean_query(request.GET.get("q"))
    except InvalidSearchInput as invalid:
        query, error = "", invalid.message
    else:
        error = None
    results = search_pages(query, locale=Locale.get_active())
    page_obj = paginate(results, request.GET.get("page"))
    page_obj.object_list = specific_in_order(page_obj.object_list)
    translated_urls = {
        code: translate_url(request.get_full_path(), code) for code, _name in settings.LANGUAGES
    }
    return TemplateResponse(
        request,
        "cms/search.html",
        {"query": query, "error": error, "page_obj": page_obj, "translated_urls": translated_urls},
        status=400 if error else 200,
    )
