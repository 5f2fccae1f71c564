"""schema.org structured data (JSON-LD) describing the business."""

from __future__ import annotations

import json
from typing import Any

from core.i18n.phones import dialable
from core.site.business import BusinessKind
from core.site.site import Site
from pipeline.ast import Element, h

SCHEMA_TYPES: dict[BusinessKind, str] = {
    "restaurant": "Restaurant",
    "cafe": "CafeOrCoffeeShop",
    "bakery": "Bakery",
    "salon": "BeautySalon",
    "gym": "ExerciseGym",
    "clinic": "MedicalClinic",
    "law_firm": "LegalService",
    "accounting": "AccountingService",
    "agency": "ProfessionalService",
    "software": "Organization",
    "portfolio": "Organization",
    "event": "Organization",
    "school": "EducationalOrganization",
    "shop": "Store",
    "other": "Organization",
}
# Only LocalBusiness subtypes may carry opening hours.
LOCAL_BUSINESS = frozenset(
    {
        "Restaurant",
        "CafeOrCoffeeShop",
        "Bakery",
        "BeautySalon",
        "ExerciseGym",
        "MedicalClinic",
        "LegalService",
        "AccountingService",
        "ProfessionalService",
        "Store",
    }
)


def structured_data(site: Site, url: str | None) -> dict[str, Any]:
    business = site.business
    kind = SCHEMA_TYPES[business.kind]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": kind,
        "name": site.name,
        "description": site.seo.description,
    }
    if url:
        data["url"] = url
    if site.seo.social_image:
        data["image"] = site.seo.social_image
    if business.phone:
        data["telephone"] = dialable(business.phone)
    if business.email:
        data["email"] = business.email
    if business.address or business.city:
        address = {"@type": "PostalAddress"}
        if business.address:
            address["streetAddress"] = business.address
        if business.city:
            address["addressLocality"] = business.city
        data["address"] = address
    if business.opening_hours and kind in LOCAL_BUSINESS:
        data["openingHours"] = [f"{line.days} {line.hours}" for line in business.opening_hours]
    if business.socials:
        data["sameAs"] = [s.url for s in business.socials if s.url.startswith("http")]
    return data


def script(site: Site, url: str | None) -> Element:
    """A JSON data block; the HTML serializer escapes "<", ">" and "&" inside it."""
    payload = json.dumps(structured_data(site, url), ensure_ascii=False, separators=(",", ":"))
    return h("script", {"type": "application/ld+json"}, payload)
